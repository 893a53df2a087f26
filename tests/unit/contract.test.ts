import { existsSync } from 'node:fs';
import path from 'node:path';
import * as z from 'zod';
import { CONTRACT } from '../../contract';
import { ERROR_MESSAGES } from '../../contract/errors';
import { DEPLOYMENT } from '../../server/functions/deployment';
import { COLLECTIONS, SCHEMA } from '../../server/db/schema';

const root = path.resolve(__dirname, '..', '..');

describe('the contract is the one list of functions and actions', () => {
  const functions = Object.keys(CONTRACT) as (keyof typeof CONTRACT)[];

  it.each(functions)('function %s has an entry and a deployment', (fn) => {
    expect(existsSync(path.join(root, 'server', 'functions', `${fn}.ts`))).toBe(true);
    expect(DEPLOYMENT[fn]).toBeDefined();
  });

  it('declares every action with a zod input schema and an access level', () => {
    for (const fn of functions) {
      for (const [name, spec] of Object.entries(CONTRACT[fn] as Record<string, { input: unknown; access: string }>)) {
        expect({ fn, name, isSchema: spec.input instanceof z.ZodType }).toEqual({ fn, name, isSchema: true });
        expect(['public', 'worker', 'staff', 'admin']).toContain(spec.access);
      }
    }
  });

  it('uses strict object schemas: unknown fields (an openid, say) are refused at the door', () => {
    // A strict object schema's catchall is `never`; unions must be made of strict objects too.
    const isStrict = (schema: z.ZodType): boolean => {
      const def = schema._zod.def as { type: string; catchall?: z.ZodType; options?: z.ZodType[]; innerType?: z.ZodType; in?: z.ZodType };
      if (def.type === 'object') return def.catchall?._zod.def.type === 'never';
      if (def.type === 'union') return (def.options ?? []).every(isStrict);
      if (def.type === 'pipe' && def.in) return isStrict(def.in);
      return false;
    };
    for (const fn of functions) {
      for (const [name, spec] of Object.entries(CONTRACT[fn] as Record<string, { input: z.ZodType }>)) {
        expect({ fn, name, strict: isStrict(spec.input) }).toEqual({ fn, name, strict: true });
      }
    }
  });

  it('gives every error code a plain Chinese message', () => {
    for (const [code, message] of Object.entries(ERROR_MESSAGES)) {
      expect(code).toMatch(/^[A-Z][A-Z0-9_]+$/);
      expect(message).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('declares every collection in the schema', () => {
    expect(Object.keys(SCHEMA).sort()).toEqual(Object.values(COLLECTIONS).sort());
  });
});
