/**
 * Instances start from one JavaScript bundle of worker.ts (with the SDK seam and the openapi and
 * storage surfaces), built with esbuild once per process. Loading TypeScript through a transpiler
 * in every worker doubled the cold start (~500 ms against ~250 ms on 2 cores, most of what is left
 * being wx-server-sdk's own require). Packages stay external, and the bundle lives under
 * node_modules/.cache so they resolve from the repo's node_modules exactly as from local-cloud/.
 */
import { buildSync } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';

const REPO_ROOT = path.resolve(__dirname, '..', '..');
const OUT_DIR = path.join(REPO_ROOT, 'node_modules', '.cache', 'local-cloud');
let built: string | null = null;

export function workerBundle(): string {
  if (built) return built;
  const out = path.join(OUT_DIR, 'worker.cjs');
  const tmp = path.join(OUT_DIR, `worker.${process.pid}.${Date.now()}.tmp`);
  fs.mkdirSync(OUT_DIR, { recursive: true });
  buildSync({
    entryPoints: [path.join(__dirname, 'worker.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    packages: 'external',
    outfile: tmp,
    logLevel: 'error',
  });
  // Several test processes may build at once: each renames its own complete file into place.
  fs.renameSync(tmp, out);
  built = out;
  return out;
}
