import { useRef, useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { Envelope } from '@contract/define';
import { PHONE_REVEAL_NOTE_MAX, PHONE_REVEAL_REASONS, type PhoneRevealReason, type RevealedPhone } from '@contract/privacy';
import { AppButton } from '../button';
import './staff.scss';

type Reveal = (input: { reason: PhoneRevealReason; note: string }) => Promise<Envelope<RevealedPhone>>;

/**
 * 电话：138****8000 · 显示号码 — for the staff member handling a case (a consultation, a 帮扶
 * application). Showing the full number asks why first (a chip, words of one's own for 其他); the
 * server checks the caller may handle the case and records the reveal with that reason in the audit
 * log. Then 拨打: WeChat's call sheet on weapp, a `tel:` link on H5 (a phone's browser dials it).
 */
export function PhoneReveal({ masked, reveal }: { masked: string; reveal: Reveal }) {
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState<PhoneRevealReason | null>(null);
  const [note, setNote] = useState('');
  const [phone, setPhone] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState('');
  // A double tap lands before `busy` re-renders the button (seen on weapp): one reveal, one log line.
  const sending = useRef(false);

  if (!masked) return <Text className='muted' style={{ display: 'block' }}>电话：没留</Text>;

  async function show() {
    if (!reason) return setMessage('请先选一个原因');
    if (reason === 'other' && !note.trim()) return setMessage('选了“其他”，请写一下原因');
    if (sending.current) return;
    sending.current = true;
    setBusy(true);
    setMessage('');
    const res = await reveal({ reason, note: note.trim() });
    sending.current = false;
    setBusy(false);
    if (!res.ok) return setMessage(res.error.message);
    setPhone(res.data.phone);
    setAsking(false);
  }

  if (phone) {
    return (
      <View data-testid='phone-revealed'>
        <Text style={{ display: 'block', fontWeight: 600 }}>电话：{phone}</Text>
        {process.env.TARO_ENV === 'h5' ? (
          <a className='button button--primary phone-reveal__call' href={`tel:${phone}`}>
            拨打 {phone}
          </a>
        ) : (
          <AppButton onClick={() => void Taro.makePhoneCall({ phoneNumber: phone })}>拨打 {phone}</AppButton>
        )}
      </View>
    );
  }

  return (
    <View data-testid='phone-reveal'>
      <Text style={{ display: 'block' }}>电话：{masked}</Text>
      {!asking ? (
        <AppButton kind='secondary' onClick={() => setAsking(true)}>
          显示号码
        </AppButton>
      ) : (
        <View>
          <Text className='muted' style={{ display: 'block' }}>
            为什么要看完整号码？会记在操作记录里。
          </Text>
          <View>
            {(Object.keys(PHONE_REVEAL_REASONS) as PhoneRevealReason[]).map((r) => (
              <View
                key={r}
                role='button'
                aria-pressed={r === reason}
                className={r === reason ? 'choice choice--on' : 'choice'}
                onClick={() => {
                  setReason(r);
                  setMessage('');
                }}
              >
                {PHONE_REVEAL_REASONS[r]}
              </View>
            ))}
          </View>
          <Input
            className='input'
            value={note}
            maxlength={PHONE_REVEAL_NOTE_MAX}
            placeholder={reason === 'other' ? '写一下原因' : '补充说明（可以不写）'}
            aria-label='原因说明'
            onInput={(e) => setNote(e.detail.value)}
          />
          {message && (
            <View role='alert'>
              <Text className='st-error'>{message}</Text>
            </View>
          )}
          <AppButton busy={busy} onClick={() => void show()}>
            显示完整号码
          </AppButton>
          <AppButton kind='secondary' onClick={() => setAsking(false)}>
            不看了
          </AppButton>
        </View>
      )}
    </View>
  );
}
