import { useEffect, useState } from 'react';
import { isLargeText, onLargeTextChange } from '../prefs/large-text';

/** The current 长辈模式 setting; re-renders every open page when it changes. */
export function useLargeText(): boolean {
  const [on, setOn] = useState(isLargeText);
  useEffect(() => onLargeTextChange(setOn), []);
  return on;
}
