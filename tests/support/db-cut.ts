/**
 * Fault injection for crash tests (issue 10, item 4): the local cloud's database dies after the
 * k-th write request — nothing after it reaches the database, reads included, as after kill -9 of
 * the instance. The cut is made at the database door, so the real function code runs in its real
 * instance up to the cut. A write inside a transaction counts, though only its commit applies it.
 */
import type { LocalCloud } from '../../local-cloud';

const WRITES = new Set(['database.insertDocument', 'database.modifyDocument', 'database.removeDocument', 'database.commitTransaction']);

/** Runs `fn` with the database refusing every request after its k-th write (k = Infinity: no cut); returns the writes made. */
export async function cutAfter<T>(cloud: Pick<LocalCloud, 'db'>, k: number, fn: () => Promise<T>): Promise<{ writes: number; result: T }> {
  const db = cloud.db;
  const real = db.handle.bind(db);
  let writes = 0;
  db.handle = async (params: Record<string, unknown>) => {
    if (writes >= k) throw new Error('database gone (test cut)');
    if (WRITES.has(String(params.action))) writes += 1;
    return real(params);
  };
  try {
    const result = await fn();
    return { writes, result };
  } finally {
    db.handle = real;
  }
}
