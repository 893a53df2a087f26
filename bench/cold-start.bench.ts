/**
 * Each cloud function's bundle size and cold start (time to require its index.js in a fresh Node
 * process, as a new cloud instance does), next to requiring bare wx-server-sdk in the same run.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { CONTRACT } from '../contract';
import { mustRun, REPO, requireMs, round } from './support';

export async function run(): Promise<Record<string, unknown>> {
  mustRun('npm', ['run', '--silent', 'build:cloud']);
  const sdkMs = requireMs('wx-server-sdk');
  const functions: Record<string, unknown> = {};
  for (const name of Object.keys(CONTRACT)) {
    const file = path.join(REPO, 'cloudfunctions', name, 'index.js');
    const ms = requireMs(file);
    functions[name] = { bundleBytes: statSync(file).size, requireMs: ms, overSdkMs: round(ms - sdkMs) };
  }
  return { bareWxServerSdkRequireMs: sdkMs, runsPerFigure: 5, statistic: 'median', functions };
}
