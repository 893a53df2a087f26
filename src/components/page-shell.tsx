import type { PropsWithChildren } from 'react';
import { View } from '@tarojs/components';
import { useLargeText } from '../hooks/use-large-text';

/** Every page's root: applies the design tokens and 长辈模式. */
export function PageShell({ children }: PropsWithChildren) {
  const large = useLargeText();
  return <View className={large ? 'shell shell--large' : 'shell'}>{children}</View>;
}
