/**
 * npm start: builds what is missing or stale, opens the data folder (seeding it on first run),
 * fires timer triggers on schedule and serves the H5 build and the functions on 127.0.0.1.
 * PORT (default 8787) and DATA_DIR (default <repo>/.data) configure it.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { startLocalCloud, DEFAULT_PORT, REPO_ROOT } from '../local-cloud';
import type { DoorRefusal } from '../local-cloud';
import { dataDirFromEnv } from './admin-client';

const STAMP_DIR = path.join(REPO_ROOT, 'node_modules', '.cache', 'local-cloud');

interface BuildStep {
  script: string;
  /** Folders and files whose changes make the output stale. */
  inputs: string[];
  /** A file that exists once the step has produced its output. */
  output: string;
}

const BUILDS: BuildStep[] = [
  {
    script: 'build:cloud',
    inputs: ['server', 'contract', 'cloudfunctions', 'scripts/build-cloud.ts', 'package.json'],
    output: 'cloudfunctions',
  },
  {
    script: 'build:h5',
    inputs: ['src', 'config', 'contract', 'package.json', 'babel.config.js', 'tsconfig.json'],
    output: 'dist-h5/index.html',
  },
];

/** The newest modification time under the given paths (node_modules and dot folders skipped). */
function newestMtime(paths: string[]): number {
  let newest = 0;
  const visit = (p: string) => {
    if (!fs.existsSync(p)) return;
    const stat = fs.statSync(p);
    if (stat.isDirectory()) {
      for (const entry of fs.readdirSync(p)) {
        if (entry === 'node_modules' || entry.startsWith('.')) continue;
        visit(path.join(p, entry));
      }
    } else newest = Math.max(newest, stat.mtimeMs);
  };
  paths.forEach((p) => visit(path.join(REPO_ROOT, p)));
  return newest;
}

function ensureBuilt(step: BuildStep, scripts: Record<string, string>): void {
  if (!scripts[step.script]) {
    console.warn(`[local-cloud] warning: no "${step.script}" script in package.json yet: skipping that build`);
    return;
  }
  const stamp = path.join(STAMP_DIR, `${step.script.replace(':', '-')}.stamp`);
  const recorded = fs.existsSync(stamp) ? Number(fs.readFileSync(stamp, 'utf8')) : -1;
  const fresh = fs.existsSync(path.join(REPO_ROOT, step.output)) && newestMtime(step.inputs) <= recorded;
  if (fresh) return;
  console.log(`[local-cloud] npm run ${step.script} (output missing or older than its sources)`);
  const run = spawnSync('npm', ['run', step.script], { cwd: REPO_ROOT, stdio: 'inherit' });
  if (run.status !== 0) {
    console.error(`[local-cloud] npm run ${step.script} failed`);
    process.exit(1);
  }
  // Recorded after the build, so files the build itself writes count as up to date.
  fs.mkdirSync(STAMP_DIR, { recursive: true });
  fs.writeFileSync(stamp, String(newestMtime(step.inputs)));
}

async function main(): Promise<void> {
  const port = Number(process.env.PORT ?? DEFAULT_PORT);
  const dataDir = dataDirFromEnv();
  const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { scripts?: Record<string, string> };
  for (const step of BUILDS) ensureBuilt(step, pkg.scripts ?? {});

  const firstRun = !fs.existsSync(path.join(dataDir, 'db'));
  const cloud = await startLocalCloud({ dataDir, onDoorRefusal: logRefusal() });
  if (firstRun) {
    const seed = path.join(REPO_ROOT, 'server', 'seed', 'run.ts');
    if (fs.existsSync(seed)) {
      console.log('[local-cloud] first run: seeding the database');
      console.log(JSON.stringify(await cloud.exec(seed)));
    } else {
      console.warn('[local-cloud] warning: server/seed/run.ts does not exist yet: the database starts empty');
    }
  } else {
    // Every later start: bring content/ fixes into the stored articles (staff edits are kept; docs/rights.md).
    const report = (await cloud.exec(path.join(REPO_ROOT, 'server', 'seed', 'sync-articles.ts'))) as { added: string[]; updated: string[]; keptStaffEdit: string[] };
    console.log(`[local-cloud] articles from content/: ${report.added.length} added, ${report.updated.length} updated, ${report.keptStaffEdit.length} kept as staff edited them`);
  }
  cloud.startTimers();
  const { url } = await cloud.listen(port, '127.0.0.1');

  console.log(`
职工·家 local cloud is running
  open        ${url}/
  data folder ${dataDir}
  sign in     use the development sign-in on the 我的 page, or:
              curl -s -X POST ${url}/dev/login -H 'content-type: application/json' -d '{"role":"worker","name":"张三"}'
              then call a function: curl -s -X POST ${url}/fn/<name> -H "authorization: Bearer <token>" -H 'content-type: application/json' -d '{...}'
  stop        Ctrl+C
`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`[local-cloud] ${signal}: shutting down`);
    cloud.close().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error(err);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((err: unknown) => {
  console.error('[local-cloud] could not start:', err instanceof Error ? err.message : err);
  process.exit(1);
});

/**
 * Requests the HTTP door refused, as the platform's gateway log would show them: one line per
 * protocol code per minute with the count since, so a flood cannot flood the terminal.
 */
function logRefusal(): (refusal: DoorRefusal) => void {
  const last = new Map<string, { at: number; skipped: number }>();
  return (refusal) => {
    const now = Date.now();
    const seen = last.get(refusal.error);
    if (seen && now - seen.at < 60_000) {
      seen.skipped += 1;
      return;
    }
    const more = seen?.skipped ? ` (+${seen.skipped} more in the last minute)` : '';
    last.set(refusal.error, { at: now, skipped: 0 });
    console.warn(`[local-cloud] refused ${refusal.method} ${refusal.path}: ${refusal.status} ${refusal.error}${more}`);
  };
}
