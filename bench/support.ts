/** Small measuring tools shared by the bench modules. */
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

export const REPO = path.resolve(__dirname, '..');

/** Total bytes of the files under a folder. */
export function folderBytes(dir: string, skip: (relative: string) => boolean = () => false): number {
  let total = 0;
  const visit = (abs: string, rel: string) => {
    for (const entry of readdirSync(abs)) {
      const a = path.join(abs, entry);
      const r = rel ? `${rel}/${entry}` : entry;
      if (skip(r)) continue;
      const st = statSync(a);
      if (st.isDirectory()) visit(a, r);
      else total += st.size;
    }
  };
  visit(dir, '');
  return total;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)];
}

export function median(values: number[]): number {
  return percentile([...values].sort((a, b) => a - b), 50);
}

export function round(n: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

/** Runs a command in the repo, failing loudly (a bench on a broken build measures nothing). */
export function mustRun(command: string, args: string[], cwd = REPO): void {
  const res = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, NODE_ENV: 'production' } });
  if (res.status !== 0) throw new Error(`${command} ${args.join(' ')} failed:\n${res.stdout}\n${res.stderr}`);
}

/** Milliseconds to require() a module in a fresh Node process: the cold start a cloud instance pays. */
export function requireMs(modulePath: string, runs = 5): number {
  const script = `const t=process.hrtime.bigint();require(${JSON.stringify(modulePath)});process.stdout.write(String(Number(process.hrtime.bigint()-t)/1e6))`;
  const samples: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const res = spawnSync(process.execPath, ['-e', script], { cwd: REPO, encoding: 'utf8' });
    if (res.status !== 0) throw new Error(`require ${modulePath} failed: ${res.stderr}`);
    samples.push(Number(res.stdout));
  }
  return round(median(samples));
}
