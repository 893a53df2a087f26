import { useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import './rights.scss';
import { AppButton } from '../button';

/** The search box: type in your own words, press 搜索 (or the keyboard's search key). */
export function SearchBox({ initial = '', onSearch, autoFocus = false }: { initial?: string; onSearch: (q: string) => void; autoFocus?: boolean }) {
  const [q, setQ] = useState(initial);
  const [hint, setHint] = useState('');
  const submit = () => {
    const trimmed = q.trim();
    // An empty 搜索 must not look like a dead button: say what to type.
    setHint(trimmed ? '' : '先写下你想问的事，比如“老板不发工资”，再点搜索');
    if (trimmed) onSearch(trimmed);
  };
  return (
    <View className='rt-search'>
      <Input
        className='input rt-search__input'
        value={q}
        placeholder='例如：老板不发工资'
        confirmType='search'
        maxlength={50}
        focus={autoFocus}
        onInput={(e) => setQ(e.detail.value)}
        onConfirm={submit}
        aria-label='搜索维权问题'
        name='q'
      />
      <AppButton className='rt-search__button' onClick={submit}>
        搜索
      </AppButton>
      {hint && (
        <Text className='field-error' data-testid='search-hint' style={{ display: 'block', width: '100%' }}>
          {hint}
        </Text>
      )}
    </View>
  );
}
