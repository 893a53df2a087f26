import { useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import { devSession, type DevRole } from '../../api/dev-session';
import { call } from '../../api/call';
import { AppButton } from '../button';

/**
 * The local cloud's development sign-in (h5 only): pick a name and a role and get a stable test
 * identity. On WeChat the platform signs the worker in; this never ships in the weapp build.
 */
export function DevSignIn({ onSignedIn }: { onSignedIn: () => void }) {
  const [name, setName] = useState('');
  const [error, setError] = useState('');

  async function signIn(role: DevRole) {
    const trimmed = name.trim();
    if (!trimmed) {
      setError('请先填一个名字');
      return;
    }
    setError('');
    try {
      await devSession.signIn(role, trimmed);
      if (role === 'worker') await call('account', 'setNickname', { nickname: trimmed });
      onSignedIn();
    } catch (e) {
      setError((e as Error).message);
    }
  }

  return (
    <View className='card'>
      <Text className='title' style={{ display: 'block' }}>
        本地测试登录
      </Text>
      <Text className='muted' style={{ display: 'block' }}>
        在微信里会自动登录。这里是本地云测试版，请起一个名字。
      </Text>
      <Input className='input' placeholder='名字，例如 小王' value={name} onInput={(e) => setName(e.detail.value)} maxlength={20} />
      {error && <Text style={{ color: 'var(--color-error)', display: 'block' }}>{error}</Text>}
      <AppButton onClick={() => void signIn('worker')}>
        以职工身份登录
      </AppButton>
      <AppButton kind='secondary' onClick={() => void signIn('staff')}>
        以工作人员身份登录
      </AppButton>
    </View>
  );
}
