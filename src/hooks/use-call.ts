import { useCallback, useEffect, useRef, useState } from 'react';
import type { ActionName, FunctionName, InputOf, OutputOf } from '@contract/index';
import type { AppErrorBody } from '@contract/define';
import { call } from '../api/call';

export type CallState<O> =
  | { status: 'loading' }
  | { status: 'ready'; data: O }
  | { status: 'error'; error: AppErrorBody };

/**
 * Loads one action's result for a page: loading -> ready | error, with reload() for the retry
 * button and pull-down refresh. A stale answer (input changed meanwhile) is dropped.
 */
export function useCall<F extends FunctionName, A extends ActionName<F>>(fn: F, action: A, input: InputOf<F, A>) {
  const [state, setState] = useState<CallState<OutputOf<F, A>>>({ status: 'loading' });
  const key = JSON.stringify(input);
  const latest = useRef(0);

  const reload = useCallback(async () => {
    const ticket = ++latest.current;
    setState({ status: 'loading' });
    const res = await call(fn, action, JSON.parse(key) as InputOf<F, A>);
    if (ticket !== latest.current) return;
    setState(res.ok ? { status: 'ready', data: res.data } : { status: 'error', error: res.error });
  }, [fn, action, key]);

  useEffect(() => {
    void reload();
  }, [reload]);

  return { state, reload };
}
