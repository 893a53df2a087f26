/**
 * npm run cloud:exec -- <script.(js|ts)> [args...]
 * Runs an operations script against the local database (see docs/local-cloud.md, "Scripts").
 */
import path from 'node:path';
import { printOutcome, runAdmin } from './admin-client';

const [script, ...args] = process.argv.slice(2);
if (!script) {
  console.error('usage: npm run cloud:exec -- <script.js|script.ts> [args...]');
  process.exit(2);
}
const scriptPath = path.resolve(script);
printOutcome(runAdmin('exec', { scriptPath, args }, (cloud) => cloud.exec(scriptPath, args)));
