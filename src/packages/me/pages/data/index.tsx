import { useRef, useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import { DELETE_MY_DATA_PHRASE } from '@contract/account/model';
import { PRIVACY_SUMMARY } from '@contract/privacy';
import type { DeleteReport } from '@contract/staff/model';
import { call } from '../../../../api/call';
import { AsyncView } from '../../../../components/async-view';
import { PageShell } from '../../../../components/page-shell';
import '../../../../components/staff/staff.scss';
import { useCall } from '../../../../hooks/use-call';
import { AppButton } from '../../../../components/button';
import { forgetSignUps } from '../../../../prefs/sign-up-memory';

const CONFIRM = DELETE_MY_DATA_PHRASE;

/**
 * 我的数据: everything the union holds about the worker, why, and for how long; and deleting it.
 * No pop-up (长辈模式): deleting needs the words typed, in the page.
 */
export default function MyDataPage() {
  const { state, reload } = useCall('account', 'myData', {});
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<DeleteReport | null>(null);
  const [error, setError] = useState('');
  const matches = typed.trim() === CONFIRM;
  // Both taps of a quick double tap arrive before `busy` disables the button: the second would
  // send a second delete, whose answer (nothing left to cancel) would replace the first's report.
  const deleting = useRef(false);
  const remove = async () => {
    // What the worker typed goes to the server, which refuses anything but the phrase: the page
    // never vouches for a confirmation the worker did not give.
    if (!matches || busy || deleting.current) return;
    deleting.current = true;
    setBusy(true);
    setError('');
    const res = await call('account', 'deleteMyData', { confirm: typed.trim() as typeof CONFIRM });
    deleting.current = false;
    setBusy(false);
    if (!res.ok) return setError(res.error.message);
    forgetSignUps(); // the name, phone and drafts kept on this phone go too
    setReport(res.data);
    setTyped('');
    void reload();
  };
  return (
    <PageShell>
      <View className='card'>
        <Text>{PRIVACY_SUMMARY}</Text>
      </View>
      <AsyncView state={state} onRetry={reload} emptyText=''>
        {(data) => (
          <View data-testid='my-data'>
            {data.sections.map((s) => (
              <View key={s.key} className='card'>
                <Text className='st-section'>
                  {s.title}（{s.total}）
                </Text>
                <Text className='muted' style={{ display: 'block' }}>
                  {s.why}
                </Text>
                {s.items.length === 0 && <Text className='muted'>没有</Text>}
                {s.items.map((item, i) => (
                  // One under the other: side by side, 长辈模式's big text squeezed the names into slivers.
                  <View key={i} className='my-data-item' data-testid='my-data-item' style={{ padding: '12px 0', borderBottom: '1px solid var(--color-line)' }}>
                    <Text style={{ display: 'block' }}>{item.label}</Text>
                    <Text className='muted' style={{ display: 'block' }}>
                      {item.detail}
                    </Text>
                  </View>
                ))}
                {s.total > s.items.length && <Text className='muted'>还有 {s.total - s.items.length} 条</Text>}
              </View>
            ))}
          </View>
        )}
      </AsyncView>
      <View className='card' data-testid='delete-my-data'>
        <Text className='st-section'>删除我的数据</Text>
        <Text style={{ display: 'block' }}>
          还没开始的活动报名和预约会被取消（名额让给别人）；已经参加过的记录只保留人数，不再有你的姓名、手机号和账号。收藏和评价会被删除。
        </Text>
        <Text style={{ display: 'block' }}>确定要删除，请输入“{CONFIRM}”：</Text>
        <Input className='input' value={typed} onInput={(e) => setTyped(e.detail.value)} placeholder={CONFIRM} aria-label='确认删除' />
        <AppButton kind='danger' disabled={!matches} busy={busy} data-testid='delete-button' onClick={() => void remove()}>
          {busy ? '正在删除…' : '删除'}
        </AppButton>
        {error && (
          <View role='alert'>
            <Text className='st-error'>{error}</Text>
          </View>
        )}
        {report && (
          <View role='status'>
            <Text style={{ display: 'block' }}>
              已删除。取消了 {report.entriesCancelled} 个报名、{report.bookingsCancelled} 个预约；{report.entriesAnonymised + report.bookingsAnonymised + report.consultationsAnonymised} 条记录只保留人数。
            </Text>
            {report.notes.map((n) => (
              <Text key={n} className='muted' style={{ display: 'block' }}>
                {n}
              </Text>
            ))}
          </View>
        )}
      </View>
    </PageShell>
  );
}
