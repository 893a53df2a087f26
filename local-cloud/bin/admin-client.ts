/**
 * cloud:exec and cloud:trigger must work whether or not `npm start` holds the data folder. The
 * database locks its folder to one process, so when a server is running there we ask it to do
 * the work through its admin route (authenticated with a key derived from the folder's secret);
 * otherwise we open the folder ourselves for the duration of the command.
 */
import fs from 'node:fs';
import path from 'node:path';
import { startLocalCloud, REPO_ROOT, SERVER_FILE } from '../local-cloud';
import type { LocalCloud, ServerFile } from '../local-cloud';
import { adminKey, loadOrCreateSecret } from '../http/tokens';

export function dataDirFromEnv(): string {
  return path.resolve(process.env.DATA_DIR ?? path.join(REPO_ROOT, '.data'));
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The server listening on this data folder, if one is up and answering. */
export async function findRunningServer(dataDir: string): Promise<ServerFile | null> {
  const file = path.join(dataDir, SERVER_FILE);
  if (!fs.existsSync(file)) return null;
  const info = JSON.parse(fs.readFileSync(file, 'utf8')) as ServerFile;
  if (!isAlive(info.pid)) return null;
  try {
    const res = await fetch(`${info.url}/healthz`, { signal: AbortSignal.timeout(2000) });
    return res.ok ? info : null;
  } catch {
    return null;
  }
}

/** Runs `work` on the running server's admin route, or on a local cloud opened for the occasion. */
export async function runAdmin(
  route: 'exec' | 'trigger',
  body: Record<string, unknown>,
  local: (cloud: LocalCloud) => Promise<unknown>,
): Promise<{ via: 'server' | 'folder'; result: unknown }> {
  const dataDir = dataDirFromEnv();
  const server = await findRunningServer(dataDir);
  if (server) {
    const res = await fetch(`${server.url}/dev/admin/${route}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-local-cloud-admin': adminKey(loadOrCreateSecret(dataDir)) },
      body: JSON.stringify(body),
    });
    const answer = (await res.json()) as { result?: unknown; errMsg?: string };
    if (!res.ok) throw new Error(answer.errMsg ?? `the server answered ${res.status}`);
    return { via: 'server', result: answer.result };
  }
  const cloud = await startLocalCloud({ dataDir });
  try {
    return { via: 'folder', result: await local(cloud) };
  } finally {
    await cloud.close();
  }
}

/** Prints the result as JSON on stdout (progress goes to stderr) and sets the exit code. */
export function printOutcome(outcome: Promise<{ via: string; result: unknown }>): void {
  outcome.then(
    ({ via, result }) => {
      console.error(via === 'server' ? '[local-cloud] ran on the running server' : '[local-cloud] ran on the data folder');
      console.log(JSON.stringify(result ?? null, null, 2));
    },
    (err: unknown) => {
      console.error(`[local-cloud] failed: ${err instanceof Error ? err.message : String(err)}`);
      process.exitCode = 1;
    },
  );
}
