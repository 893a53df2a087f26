/**
 * Child process for the crash test: writes through the real SDK in an endless loop and records each
 * ACKNOWLEDGED write (after the SDK call resolved) in an ack file, until the parent SIGKILLs it.
 *
 * Usage: node --import tsx crash-writer.ts <dataDir> <ackFile> <groupSize> [compactMinBytes]
 * With compactMinBytes the journal compacts that often during the storm; each compaction is
 * recorded as `C <count>` so the parent knows the kill fell among compactions.
 */
import * as fs from 'node:fs';
import { LocalDatabase } from '../../../local-cloud/database';
import { installSdkSeam } from '../../../local-cloud/sdk-seam';
import { TEST_SCHEMA } from './local-cloud';

async function main(): Promise<void> {
  const [dir, ackFile, groupSize, compactMinBytes] = process.argv.slice(2);
  if (![5, 6].includes(process.argv.length) || !fs.existsSync(ackFile) || !(Number(groupSize) > 0)) {
    throw new Error('usage: crash-writer.ts <dataDir> <existing ackFile> <groupSize> [compactMinBytes] (run it as a child, never import it)');
  }
  const local = await LocalDatabase.open({
    dir,
    schema: TEST_SCHEMA,
    ...(compactMinBytes ? { journal: { compactMinBytes: Number(compactMinBytes) } } : {}),
  });
  installSdkSeam((args) => local.handle(args.params));
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const cloud = require('wx-server-sdk');
  cloud.init({ env: 'local' });
  const db = cloud.database();
  const _ = db.command;
  const ack = (line: string) => fs.appendFileSync(ackFile, `${line}\n`);

  const group = Array.from({ length: Number(groupSize) }, (__, g) => ({ _id: `g${g}`, group: 'crash', n: 0 }));
  await db.collection('items').add({ data: group });
  ack('READY');
  let compacted = 0;
  for (let i = 0; ; i += 1) {
    const { _id } = await db.collection('seats').add({ data: { i, at: new Date(1_700_000_000_000 + i), pad: 'x'.repeat(i % 700) } });
    ack(`A ${_id} ${i}`);
    if (local.compactions > compacted) {
      compacted = local.compactions;
      ack(`C ${compacted}`);
    }
    if (i % 3 === 0) {
      // A multi-document write: after the crash all group documents must agree on n.
      const { stats } = await db.collection('items').where({ group: 'crash' }).update({ data: { n: _.inc(1) } });
      ack(`U ${stats.updated}`);
    }
  }
}

main().catch((error) => {
  process.stderr.write(`crash-writer failed: ${error?.stack ?? error}\n`);
  process.exit(1);
});
