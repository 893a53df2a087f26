import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { AppButton } from '../../../../components/button';
import { usePageParams } from '../../../../hooks/use-page-params';
import Taro, { useDidShow } from '@tarojs/taro';
import {
  AID_DOCUMENT_KINDS,
  AID_DOCUMENT_LABELS,
  AID_GIVEN_LABELS,
  AID_KIND_LABELS,
  AID_KIND_SPECS,
  type AidApplication,
  type AidDocumentKind,
} from '@contract/aid/model';
import { call } from '../../../../api/call';
import { pickDocument, uploadToCloud } from '../../../../api/upload';
import { AsyncView } from '../../../../components/async-view';
import { AidHistory, AidStatusTag, dayText } from '../../../../components/aid/status';
import { PageShell } from '../../../../components/page-shell';
import { useCall } from '../../../../hooks/use-call';
import { TABS } from '../../../../routes';
import '../../../../components/aid/aid.scss';

/** Adds one document: the server's slot (type and size refused in plain words), the upload, the record. */
function AddDocument({ app, onAdded }: { app: AidApplication; onAdded: (a: AidApplication) => void }) {
  const asked = app.missing.length > 0 ? app.missing : AID_KIND_SPECS[app.kind].documents;
  const [kind, setKind] = useState<AidDocumentKind>(asked[0] ?? 'other');
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);

  async function add(type: 'image' | 'pdf') {
    setMessage('');
    const file = await pickDocument(type);
    if (!file) return;
    setBusy(true);
    const facts = { kind, name: file.name, ext: file.ext, size: file.size };
    const slot = await call('aid', 'uploadSlot', { id: app.id, ...facts });
    if (!slot.ok) {
      setBusy(false);
      setMessage(slot.error.message);
      return;
    }
    let fileId: string;
    try {
      fileId = await uploadToCloud(slot.data.cloudPath, file);
    } catch {
      setBusy(false);
      setMessage('上传没有成功，请检查网络后再试');
      return;
    }
    const res = await call('aid', 'addDocuments', { id: app.id, documents: [{ fileId, ...facts }] });
    setBusy(false);
    if (res.ok) onAdded(res.data);
    else setMessage(res.error.message);
  }

  return (
    <View className='card' data-testid='aid-add'>
      <Text className='ad-section'>{app.missing.length > 0 ? '补交材料' : '上传材料照片'}</Text>
      <Text className='muted' style={{ display: 'block' }}>
        拍照或选照片（jpg、png），也可以是 PDF，每个不超过 5MB。只有你和办理的工作人员能看到。
      </Text>
      {AID_DOCUMENT_KINDS.map((k) => (
        <Text key={k} className={kind === k ? 'choice choice--on' : 'choice'} onClick={() => setKind(k)} aria-role='radio' aria-checked={kind === k}>
          {AID_DOCUMENT_LABELS[k]}
        </Text>
      ))}
      <AppButton busy={busy} onClick={() => void add('image')} data-testid='aid-add-photo'>
        拍照或选照片
      </AppButton>
      {process.env.TARO_ENV === 'weapp' && (
        <AppButton kind='secondary' disabled={busy} onClick={() => void add('pdf')}>
          从聊天里选 PDF
        </AppButton>
      )}
      {message && (
        <View role='alert'>
          <Text className='field-error'>{message}</Text>
        </View>
      )}
    </View>
  );
}

async function openDocument(appId: string, documentId: string, ext: string) {
  const res = await call('aid', 'file', { id: appId, documentId });
  if (!res.ok) {
    void Taro.showToast({ title: res.error.message, icon: 'none' });
    return;
  }
  if (ext === 'pdf') {
    if (process.env.TARO_ENV === 'weapp') {
      const file = await Taro.downloadFile({ url: res.data.url });
      void Taro.openDocument({ filePath: file.tempFilePath, fileType: 'pdf' });
    } else window.open(res.data.url, '_blank');
    return;
  }
  void Taro.previewImage({ urls: [res.data.url] });
}

export default function AidApplicationPage() {
  const { id = '', new: isNew } = usePageParams();
  const { state, reload } = useCall('aid', 'application', { id });
  const [updated, setUpdated] = useState<AidApplication | null>(null);
  useDidShow(() => {
    setUpdated(null);
    void reload();
  });

  return (
    <PageShell>
      {isNew === '1' && (
        <View className='card' style={{ borderColor: 'var(--color-ok)' }}>
          <Text style={{ display: 'block', color: 'var(--color-ok)', fontWeight: 600 }}>提交成功！</Text>
        </View>
      )}
      <AsyncView state={state} onRetry={reload} emptyText='' exit={{ tab: TABS.me, label: '回到我的' }}>
        {(loaded) => {
          const app = updated ?? loaded;
          const open = app.status !== 'done' && app.status !== 'refused';
          return (
            <View data-testid='aid-application'>
              <View className='card'>
                <View style={{ display: 'flex', justifyContent: 'space-between', gap: '16px' }}>
                  <Text className='ad-section'>{AID_KIND_LABELS[app.kind]}</Text>
                  <AidStatusTag status={app.status} />
                </View>
                <Text className='ad-line'>{app.centreName}</Text>
                {open && <Text className='ad-line'>预计 {dayText(app.dueAt)} 前办理完（节假日顺延）</Text>}
                <Text className='muted'>申请编号 {app.code}</Text>
              </View>

              {app.status === 'needs-more' && (
                <View className='card' style={{ borderColor: 'var(--color-error)' }} data-testid='aid-missing'>
                  <Text className='ad-section'>还需要你补交</Text>
                  <Text className='ad-line'>{app.missing.map((k) => AID_DOCUMENT_LABELS[k]).join('、')}</Text>
                  {app.missingNote && <Text className='ad-line'>工作人员说：{app.missingNote}</Text>}
                </View>
              )}

              {app.decision && (
                <View className='card' data-testid='aid-decision'>
                  <Text className='ad-section'>{app.decision.outcome === 'done' ? '已办结' : '未通过'}</Text>
                  <Text className='ad-line'>原因：{app.decision.reason}</Text>
                  {app.decision.aid && (
                    <Text className='ad-line'>
                      帮扶：{AID_GIVEN_LABELS[app.decision.aid.kind]} {app.decision.aid.amount} 元
                    </Text>
                  )}
                  <Text className='muted'>{dayText(app.decision.at)}</Text>
                </View>
              )}

              {open && <AddDocument app={app} onAdded={setUpdated} />}

              <View className='card'>
                <Text className='ad-section'>已交的材料</Text>
                {app.documents.length === 0 && <Text className='muted'>还没有上传材料</Text>}
                {app.documents.map((d) => (
                  <View key={d.id} className='list-row' onClick={() => void openDocument(app.id, d.id, d.ext)} aria-role='button'>
                    <Text className='ad-line'>
                      {AID_DOCUMENT_LABELS[d.kind]} · {d.name}
                    </Text>
                    <Text className='muted'>点一下查看</Text>
                  </View>
                ))}
              </View>

              <View className='card'>
                <Text className='ad-section'>办理进度</Text>
                <AidHistory history={app.history} />
              </View>

              <View className='card'>
                <Text className='ad-section'>办理时请带上</Text>
                {AID_KIND_SPECS[app.kind].bring.map((b) => (
                  <Text key={b} className='ad-line'>
                    · {b}
                  </Text>
                ))}
              </View>
            </View>
          );
        }}
      </AsyncView>
    </PageShell>
  );
}
