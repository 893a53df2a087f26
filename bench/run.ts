/**
 * `npm run bench`: runs every bench/*.bench.ts module in turn and prints ONE JSON object,
 * { "<module>": { ...figures }, "meta": {...} }, on stdout (progress goes to stderr).
 * Figures are measured in this run only; ratios compare things measured side by side in it.
 * `npm run bench -- size events` runs only the named modules.
 */
import { readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

interface BenchModule {
  run(): Promise<Record<string, unknown>>;
}

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const names = readdirSync(__dirname)
    .filter((f) => f.endsWith('.bench.ts'))
    .map((f) => f.replace(/\.bench\.ts$/, ''))
    .filter((name) => only.length === 0 || only.includes(name))
    .sort();
  const results: Record<string, unknown> = {
    meta: { date: new Date().toISOString(), node: process.version, cpus: os.cpus().length, platform: `${os.platform()} ${os.arch()}` },
  };
  for (const name of names) {
    process.stderr.write(`[bench] ${name}…\n`);
    const started = Date.now();
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const mod = require(path.join(__dirname, `${name}.bench.ts`)) as BenchModule;
      results[name] = await mod.run();
    } catch (error) {
      results[name] = { error: error instanceof Error ? error.message : String(error) };
      process.exitCode = 1;
    }
    process.stderr.write(`[bench] ${name} done in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  }
  process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
}

void main();
