import { useMemo } from 'react';
import { useRouter } from '@tarojs/taro';

/**
 * A page's query parameters, decoded exactly once. Neither platform hands them over decoded:
 * weapp passes the raw query string's values (`shatou%3A2026-12-12`), and Taro's H5 router keeps
 * them as written in the hash. Every page reads its parameters here, never `useRouter().params`.
 * A value that is not valid URI encoding (a stray `%`) is kept as it came rather than crash the page.
 */
export function decodePageParam(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

export function usePageParams(): Record<string, string | undefined> {
  const raw = useRouter().params;
  const key = JSON.stringify(raw);
  return useMemo(() => {
    const out: Record<string, string | undefined> = {};
    for (const [name, value] of Object.entries(raw)) out[name] = value === undefined ? undefined : decodePageParam(value);
    return out;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
}
