/**
 * A fresh local cloud for one test file: a LocalDatabase on a new temp folder, the seam installed
 * in this module registry, and the REAL wx-server-sdk initialised against it.
 *
 * Params are structured-cloned on the way, as they are when a worker thread forwards them to the
 * main thread, so the tests exercise exactly what the runtime sends.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { IndexSpec, LocalDatabase } from '../../../local-cloud/database';
import { installSdkSeam } from '../../../local-cloud/sdk-seam';

/** Collections the fidelity tests use; independent of the product schema, which evolves. */
export const TEST_SCHEMA: Record<string, { indexes: IndexSpec[] }> = {
  items: { indexes: [{ name: 'kind', keys: { kind: 1 } }] },
  seats: { indexes: [] },
  people: { indexes: [{ name: 'phone_unique', keys: { phone: 1 }, unique: true }] },
  signups: { indexes: [{ name: 'event_openid_unique', keys: { eventId: 1, openid: 1 }, unique: true }] },
};

export function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'zgj-fidelity-'));
}

export interface LocalCloud {
  /** The wx-server-sdk module, initialised with env 'local'. */
  cloud: any;
  /** cloud.database() */
  db: any;
  local: LocalDatabase;
  dir: string;
  /** Reopen the same folder (close first), keeping the seam pointed at the new instance. */
  reopen(): Promise<void>;
  /** Close and delete the data folder. */
  close(): Promise<void>;
}

export interface LocalCloudOptions {
  now?: () => number;
  dir?: string;
  /** Delay each request by a random 0-3 ms before it reaches the database, shuffling arrival order
   *  the way requests from many instances arrive. */
  jitter?: boolean;
}

const randomDelay = () => new Promise((resolve) => setTimeout(resolve, Math.floor(Math.random() * 4)));

export async function startLocalCloud(options: LocalCloudOptions = {}): Promise<LocalCloud> {
  const dir = options.dir ?? tempDir();
  const open = () => LocalDatabase.open({ dir, schema: TEST_SCHEMA, now: options.now });
  const state: { local: LocalDatabase } = { local: await open() };
  installSdkSeam(async (args) => {
    const params = structuredClone(args.params);
    if (options.jitter) await randomDelay();
    return state.local.handle(params);
  });
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const cloud = require('wx-server-sdk');
  cloud.init({ env: 'local' });
  const harness: LocalCloud = {
    cloud,
    db: cloud.database(),
    get local() {
      return state.local;
    },
    dir,
    async reopen() {
      await state.local.close();
      state.local = await open();
    },
    async close() {
      await state.local.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  return harness;
}
