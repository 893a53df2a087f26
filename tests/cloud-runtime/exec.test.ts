/** cloud:exec and cloud:trigger: in-process, through the bins on a free data folder, and forwarded to a running server. */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { startLocalCloud, REPO_ROOT } from '../../local-cloud';
import { makeFunctionsDir, makeTempDir } from './fixtures';

// Instances cold-start in ~0.2 s alone but several seconds when a loaded 2-core machine starts many.
jest.setTimeout(60_000);

const scripts = makeTempDir('lc-scripts-');
const jsScript = path.join(scripts, 'add-user.js');
const tsScript = path.join(scripts, 'count.ts');
const plainScript = path.join(scripts, 'plain.js');
const failingScript = path.join(scripts, 'fail.js');

fs.writeFileSync(
  jsScript,
  `module.exports = async ({ cloud, args }) => {
  const db = cloud.database();
  const { _id } = await db.collection('users').add({ data: { name: args[0], at: Date.now() } });
  const { total } = await db.collection('users').count();
  return { _id, total, args };
};`,
);
fs.writeFileSync(
  tsScript,
  `interface Input { cloud: { database(): any }; args: string[] }
export default async ({ cloud }: Input): Promise<{ users: number }> => {
  const { total } = await cloud.database().collection('users').count();
  return { users: total as number };
};`,
);
fs.writeFileSync(plainScript, `console.log('plain script ran');`);
fs.writeFileSync(failingScript, `module.exports = async () => { throw new Error('script says no'); };`);

function runBin(bin: 'exec' | 'trigger', args: string[], dataDir: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      path.join(REPO_ROOT, 'node_modules', '.bin', 'tsx'),
      [path.join(REPO_ROOT, 'local-cloud', 'bin', `${bin}.ts`), ...args],
      { cwd: REPO_ROOT, env: { ...process.env, DATA_DIR: dataDir } },
      (error, stdout, stderr) => resolve({ code: error ? (error.code as number) ?? 1 : 0, stdout, stderr }),
    );
  });
}

test('exec runs .js and .ts scripts against the local database, with args and the shifted clock', async () => {
  const cloud = await startLocalCloud({ dataDir: makeTempDir('lc-data-'), functionsDir: makeFunctionsDir(['files']) });
  try {
    const first = (await cloud.exec(jsScript, ['阿明'])) as { _id: string; total: number; args: string[] };
    expect(first.total).toBe(1);
    expect(first.args).toEqual(['阿明']);
    expect(cloud.db.find('users', { _id: first._id })[0].name).toBe('阿明');
    expect(await cloud.exec(tsScript)).toEqual({ users: 1 });
    expect(await cloud.exec(plainScript)).toBeNull();
    await expect(cloud.exec(failingScript)).rejects.toThrow('script says no');

    cloud.setTimeOffset(3600_000);
    const shifted = (await cloud.exec(jsScript, ['later'])) as { _id: string };
    expect((cloud.db.find('users', { _id: shifted._id })[0].at as number) - Date.now()).toBeGreaterThan(3500_000);

    // Temp URLs exist only while the local cloud is served over HTTP: say so clearly.
    await cloud.invoke('files', { op: 'upload', cloudPath: 'a.txt', text: 'a' });
    const error = (await cloud.invoke('files', { op: 'url', fileID: 'cloud://local/a.txt' }).catch((e: unknown) => e)) as { errMsg: string };
    expect(error.errMsg).toContain('needs the local cloud to be listening');
  } finally {
    await cloud.close();
  }
});

test('the exec bin opens the data folder itself when no server runs there', async () => {
  const dataDir = makeTempDir('lc-data-');
  const out = await runBin('exec', [jsScript, '离线'], dataDir);
  expect(out.stderr).toContain('ran on the data folder');
  expect(out.code).toBe(0);
  expect(JSON.parse(out.stdout)).toMatchObject({ total: 1, args: ['离线'] });
  const failed = await runBin('exec', [failingScript], dataDir);
  expect(failed.code).not.toBe(0);
  expect(failed.stderr).toContain('script says no');
  const cloud = await startLocalCloud({ dataDir, functionsDir: makeFunctionsDir([]) });
  try {
    expect(cloud.db.find('users').map((u) => u.name)).toEqual(['离线']); // it persisted
  } finally {
    await cloud.close();
  }
});

test('exec and trigger bins forward to the server running on the data folder', async () => {
  const dataDir = makeTempDir('lc-data-');
  const cloud = await startLocalCloud({ dataDir, functionsDir: makeFunctionsDir(['tick']) });
  try {
    await cloud.listen(0);
    const out = await runBin('exec', [jsScript, '在线'], dataDir);
    expect(out.stderr).toContain('ran on the running server');
    expect(JSON.parse(out.stdout)).toMatchObject({ total: 1, args: ['在线'] });
    expect(cloud.db.find('users', { name: '在线' })).toHaveLength(1); // the server's own database saw it

    const trig = await runBin('trigger', ['tick'], dataDir);
    expect(trig.code).toBe(0);
    expect(JSON.parse(trig.stdout)).toMatchObject({ event: { Type: 'Timer', TriggerName: 'everySecond' }, SOURCE: 'wx_trigger' });

    // Without the data folder's secret the admin route refuses.
    const { url } = JSON.parse(fs.readFileSync(path.join(dataDir, 'server.json'), 'utf8')) as { url: string };
    const forged = await fetch(`${url}/dev/admin/exec`, { method: 'POST', headers: { 'x-local-cloud-admin': 'f'.repeat(64) }, body: JSON.stringify({ scriptPath: jsScript }) });
    expect(forged.status).toBe(401);
  } finally {
    await cloud.close();
  }
  expect(fs.existsSync(path.join(dataDir, 'server.json'))).toBe(false);
});
