/**
 * zod validates at the functions' door and never ships to the phone: the pages import the
 * contract's zod-free files at runtime and its schemas only as types. A runtime import of a schema
 * file (as contract/phone.ts once was) copied zod into three subpackages (+100 KB each).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const dist = path.resolve(__dirname, '..', '..', 'dist');

function scripts(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return scripts(full);
    return name.endsWith('.js') ? [full] : [];
  });
}

test('no script of the weapp build carries zod', () => {
  const files = scripts(dist);
  expect(files.length).toBeGreaterThan(10);
  const withZod = files.filter((f) => readFileSync(f, 'utf8').includes('ZodError')).map((f) => path.relative(dist, f));
  expect(withZod).toEqual([]);
});
