import { useRef, useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { GivenBackTicket } from '@contract/centres/model';
import { newRequestId } from '@contract/request-id';
import { call } from '../../api/call';
import { AppButton } from '../button';

/**
 * 退号 for a 便民日 number, on the fair page and in 我的预约: asks first (the number is gone for
 * good), then centres.giveBackNumber with one request id per press, so a double tap or a retry
 * gives it back once.
 */
export function GiveBackButton({
  ticket,
  onDone,
}: {
  ticket: { id: string; queueName: string; number: number };
  onDone: (result: GivenBackTicket) => void;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const press = useRef(newRequestId());

  async function giveBack() {
    setBusy(true); // before the pop-up: a second tap must not open a second one
    setError('');
    const sure = await Taro.showModal({
      title: `不去了？退掉${ticket.queueName}${ticket.number}号`,
      content: '退了这个号就作废，不会再给别人。想去的话可以重新取号，排在最后。',
      confirmText: '退号',
      cancelText: '不退',
    });
    if (!sure.confirm) {
      setBusy(false);
      return;
    }
    const res = await call('centres', 'giveBackNumber', { id: ticket.id, requestId: press.current });
    setBusy(false);
    if (!res.ok) {
      setError(res.error.message);
      return;
    }
    press.current = newRequestId();
    onDone(res.data);
  }

  return (
    <View>
      {/* Named, because the fair page lists one button per number held. */}
      <AppButton kind='danger' busy={busy} onClick={() => void giveBack()}>
        {`退号（${ticket.queueName}${ticket.number}号）`}
      </AppButton>
      {error && (
        <View role='alert'>
          <Text className='error-text'>{error}</Text>
        </View>
      )}
    </View>
  );
}

/** What the person sees after 退号: the number is gone, and whether (and how) to take a new one. */
export function GivenBackNotice({ result, onTakeAgain }: { result: GivenBackTicket; onTakeAgain?: () => void }) {
  return (
    <View className='card' role='status' data-testid='given-back'>
      <Text className='ok-text' style={{ display: 'block' }}>
        已退号：{result.queueName}{result.number}号。这个号作废了，不会再给别人。
      </Text>
      {result.canTakeAgain ? (
        onTakeAgain && (
          <AppButton kind='secondary' onClick={onTakeAgain}>
            重新取号
          </AppButton>
        )
      ) : (
        <Text className='muted' style={{ display: 'block' }}>
          这次便民日已经结束，不能再取号了。
        </Text>
      )}
    </View>
  );
}
