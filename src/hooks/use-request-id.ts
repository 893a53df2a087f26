import { useCallback, useRef } from 'react';
import type { Envelope } from '@contract/define';
import { newRequestId } from '@contract/request-id';

/**
 * The request id of the next press of a creating button (contract/request-id.ts), one mechanism
 * for every form. A double tap or a retry sends the same id, so the server makes one record. Once
 * the server has answered, the next press is a new one; after NETWORK or INTERNAL nobody knows
 * whether the press landed, so the id is kept and trying again is answered with what it made.
 */
export function useRequestId(): { requestId: () => string; answered: (res: Envelope<unknown>) => void } {
  const id = useRef(newRequestId());
  const requestId = useCallback(() => id.current, []);
  const answered = useCallback((res: Envelope<unknown>) => {
    if (res.ok || (res.error.code !== 'NETWORK' && res.error.code !== 'INTERNAL')) id.current = newRequestId();
  }, []);
  return { requestId, answered };
}
