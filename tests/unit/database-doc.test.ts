import { readFileSync } from 'node:fs';
import { DATABASE_DOC, renderDatabaseDoc } from '../../scripts/database-doc';

it('docs/database.md matches server/db/schema.ts (run `npm run docs:database` after changing the schema)', () => {
  expect(readFileSync(DATABASE_DOC, 'utf8')).toBe(renderDatabaseDoc());
});
