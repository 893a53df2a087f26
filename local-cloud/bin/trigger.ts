/**
 * npm run cloud:trigger -- <function>
 * Fires the function's timer trigger once, with WeChat's timer event.
 */
import { printOutcome, runAdmin } from './admin-client';

const [fn] = process.argv.slice(2);
if (!fn) {
  console.error('usage: npm run cloud:trigger -- <function name>');
  process.exit(2);
}
printOutcome(runAdmin('trigger', { fn }, (cloud) => cloud.runTimer(fn)));
