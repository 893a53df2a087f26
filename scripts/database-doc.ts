/**
 * Writes docs/database.md from server/db/schema.ts, the one declaration of collections and indexes,
 * so the list an operator follows in the WeChat console cannot drift from what the code uses.
 * `npm run docs:database` rewrites it; a unit test fails when it is stale.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { SCHEMA } from '../server/db/schema';

export function renderDatabaseDoc(): string {
  const lines = [
    '# Database: collections and indexes',
    '',
    '<!-- Generated from server/db/schema.ts by `npm run docs:database`. Do not edit by hand. -->',
    '',
    'Create each collection in the WeChat cloud console (云开发 → 数据库 → 添加集合), then its indexes',
    '(索引管理 → 添加索引) exactly as below; a unique index is 唯一. Set every collection\'s permission',
    'to 「所有用户不可读写」 (or a custom rule denying client access): the mini-program never reads the',
    'database directly, only through the cloud functions. The local cloud creates the same at start.',
    '',
  ];
  for (const [name, spec] of Object.entries(SCHEMA).sort(([a], [b]) => a.localeCompare(b))) {
    lines.push(`## \`${name}\``, '', spec.holds, '');
    if (spec.indexes.length === 0) {
      lines.push('Indexes: only `_id`.', '');
      continue;
    }
    lines.push('| index | fields | unique |', '|---|---|---|');
    for (const index of spec.indexes) {
      const fields = Object.entries(index.keys)
        .map(([field, order]) => `\`${field}\` ${order === 1 ? '升序' : '降序'}`)
        .join(', ');
      lines.push(`| \`${index.name}\` | ${fields} | ${index.unique ? '唯一' : ''} |`);
    }
    lines.push('');
  }
  return `${lines.join('\n')}`;
}

export const DATABASE_DOC = path.resolve(__dirname, '..', 'docs', 'database.md');

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(__filename)) {
  writeFileSync(DATABASE_DOC, renderDatabaseDoc());
  console.log(`wrote ${path.relative(process.cwd(), DATABASE_DOC)}`);
}
