/**
 * PIPL art. 29: a submission carrying sensitive personal information needs the worker's own tick
 * (SensitiveConsent on the form, `sensitiveConsent: true` in the input). The server checks it, so a
 * client that skips the tick cannot store the information anyway.
 */
import { consentMissingText, type SensitiveKind } from '../../../contract/privacy';
import { AppError } from '../../runtime/app-error';

/**
 * Refuses (SENSITIVE_CONSENT_REQUIRED) when the submission carries `kind` without the tick. Returns
 * the fields to keep with the record: when consent was given, or nothing when nothing sensitive was sent.
 */
export function sensitiveConsent(now: Date, kind: SensitiveKind | null, given: boolean | undefined): { sensitiveConsentAt?: Date } {
  if (!kind) return {};
  if (given !== true) throw new AppError('SENSITIVE_CONSENT_REQUIRED', consentMissingText(kind));
  return { sensitiveConsentAt: now };
}
