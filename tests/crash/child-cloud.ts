/**
 * A local cloud in its own process, for the crash test: opens DATA_DIR, listens on a free port
 * and prints `READY <url>`. The test kills it with SIGKILL and starts it again on the same folder.
 */
import path from 'node:path';
import { startLocalCloud } from '../../local-cloud';

async function main(): Promise<void> {
  const dataDir = process.env.DATA_DIR;
  if (!dataDir) throw new Error('DATA_DIR is required');
  const cloud = await startLocalCloud({
    dataDir,
    functionsDir: path.resolve(__dirname, '..', '..', 'cloudfunctions'),
    maxInstancesPerFunction: Number(process.env.INSTANCES ?? 8),
  });
  const { url } = await cloud.listen(0);
  process.stdout.write(`READY ${url}\n`);
  const stop = () => void cloud.close().then(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
