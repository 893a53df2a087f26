/**
 * 显示号码: the one mechanism behind every "show the full phone number" action (a legal
 * consultation, a 帮扶 application). The area finds the case by ITS access rule (and refuses with
 * its typed error); this records why in the call's audit record before that lookup, so a refused
 * reveal is logged with the reason it claimed too, and answers the number or NO_PHONE. The door
 * logs every call of a `reveal` action (contract/define.ts), allowed or refused.
 */
import type { PhoneRevealInput } from '../../../contract/phone-reveal-schema';
import type { RevealedPhone } from '../../../contract/privacy';
import { AppError } from '../../runtime/app-error';
import type { HandlerContext } from '../../runtime/context';

/** `phoneOf` returns the case's stored phone ('' when none) or throws the area's refusal. */
export async function revealPhone(ctx: HandlerContext, input: PhoneRevealInput, phoneOf: (id: string) => Promise<string>): Promise<RevealedPhone> {
  ctx.audit?.note({ reason: input.reason, ...(input.note ? { reasonText: input.note } : {}) });
  const phone = await phoneOf(input.id);
  if (!phone) throw new AppError('NO_PHONE');
  return { phone };
}
