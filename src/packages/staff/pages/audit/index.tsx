import { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { AuditRow } from '@contract/staff/model';
import type { AppErrorBody } from '@contract/define';
import { call } from '../../../../api/call';
import { PageShell } from '../../../../components/page-shell';
import { StaffOnly } from '../../../../components/staff/staff-only';
import '../../../../components/staff/staff.scss';
import { AppButton } from '../../../../components/button';

type Filter = 'all' | 'refused' | 'personal';
const FILTERS: Record<Filter, string> = { all: '全部', refused: '被拒绝的', personal: '看了个人信息的' };

function AuditList() {
  const [filter, setFilter] = useState<Filter>('all');
  const [rows, setRows] = useState<AuditRow[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<AppErrorBody | null>(null);
  const load = async (before?: string) => {
    setLoading(true);
    setError(null);
    const res = await call('staff', 'audit', { outcome: filter === 'refused' ? 'refused' : 'all', personal: filter === 'personal', ...(before ? { before } : {}) });
    setLoading(false);
    if (!res.ok) return setError(res.error);
    setRows((old) => (before ? [...old, ...res.data.rows] : res.data.rows));
    setNext(res.data.next);
  };
  useEffect(() => {
    void load();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [filter]);
  return (
    <View>
      <View>
        {(Object.keys(FILTERS) as Filter[]).map((f) => (
          <View key={f} role='button' aria-pressed={f === filter} className={f === filter ? 'choice choice--on' : 'choice'} onClick={() => setFilter(f)}>
            {FILTERS[f]}
          </View>
        ))}
      </View>
      {error && (
        <View className='card' role='alert'>
          <Text>{error.message}</Text>
          <AppButton onClick={() => void load()}>
            重试
          </AppButton>
        </View>
      )}
      {!loading && !error && rows.length === 0 && (
        <View className='card' data-testid='audit-empty'>
          <Text className='muted'>{filter === 'all' ? '还没有操作记录：改动、查看完整号码和导出文件都会记在这里' : '没有这类记录'}</Text>
        </View>
      )}
      <View data-testid='audit-rows'>
        {rows.map((r) => (
          <View key={r.id} className='card'>
            <Text style={{ display: 'block', fontWeight: 600 }}>{[r.who, r.did, r.record].filter(Boolean).join(' · ')}</Text>
            {r.details.length > 0 && <Text style={{ display: 'block' }}>{r.details.join('；')}</Text>}
            <Text className='muted' style={{ display: 'block' }}>
              {[r.when, r.roleText].filter(Boolean).join(' · ')}
            </Text>
            <Text className={r.outcome === 'ok' ? 'tag tag--ok' : 'tag'}>{r.outcomeText}</Text>
            {r.personal && <Text className='tag'>看了个人信息</Text>}
          </View>
        ))}
      </View>
      {loading && <Text className='muted'>正在加载…</Text>}
      {next && !loading && (
        <AppButton kind='secondary' onClick={() => void load(next)}>
          更早的记录
        </AppButton>
      )}
    </View>
  );
}

export default function StaffAuditPage() {
  return (
    <PageShell>
      <StaffOnly admin>{() => <AuditList />}</StaffOnly>
    </PageShell>
  );
}
