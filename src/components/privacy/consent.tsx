import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { SENSITIVE_KINDS, type SensitiveKind } from '@contract/privacy';
import '../staff/staff.scss';

/**
 * WeChat's privacy consent (always on since base library 2.32.3): before a personal-data API
 * (the ones docs/privacy.md lists, generated from the code) ask WeChat to show its own agreement
 * pop-up. Resolves true once the user has agreed (at once if
 * they already did); false if they declined — the caller then offers the plain input instead.
 * On H5 there is no such API: true.
 */
export async function ensurePrivacyConsent(): Promise<boolean> {
  if (process.env.TARO_ENV !== 'weapp') return true;
  const api = (Taro as unknown as { requirePrivacyAuthorize?: (o: { success: () => void; fail: () => void }) => void }).requirePrivacyAuthorize;
  if (!api) return true; // an old base library without the privacy check
  return new Promise((resolve) => api({ success: () => resolve(true), fail: () => resolve(false) }));
}

/** What a form says when the worker declined WeChat's privacy pop-up: nothing was sent. */
export const PRIVACY_DECLINED = '需要先同意隐私保护指引，才能提交你填写的信息';

/**
 * The separate consent PIPL art. 29 asks for sensitive personal information (health, a child
 * under 14, hardship finances): a tick the form's submit waits for, with the reason in plain words.
 * Nothing is sent until it is ticked; the form keeps the rest of its fields optional.
 */
export function SensitiveConsent({ kind, checked, onChange }: { kind: SensitiveKind; checked: boolean; onChange: (on: boolean) => void }) {
  const info = SENSITIVE_KINDS[kind];
  return (
    <View
      className={checked ? 'st-choice st-choice--on' : 'st-choice'}
      role='checkbox'
      aria-checked={checked}
      data-testid={`consent-${kind}`}
      style={{ display: 'flex', alignItems: 'flex-start', gap: '16px', padding: 'var(--space)' }}
      onClick={() => onChange(!checked)}
    >
      <Text aria-hidden style={{ fontSize: 'var(--font-title)' }}>
        {checked ? '☑' : '☐'}
      </Text>
      <View>
        <Text style={{ display: 'block', fontWeight: 600 }}>我同意提供{info.title}</Text>
        <Text className='muted' style={{ display: 'block' }}>
          {info.text}
        </Text>
      </View>
    </View>
  );
}
