/**
 * Every field of every action's input has a plain-Chinese label (`.describe()` on its schema), so a
 * refused input names the field ("请填写活动名称") instead of 这一项 (contract/field-messages.ts).
 * The walk goes into nested objects, arrays of objects and the options of unions.
 */
import type * as z from 'zod';
import { CONTRACT } from '../../contract';
import { fieldLabel, fieldMessages } from '../../contract/field-messages';

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  in?: z.ZodType;
  element?: z.ZodType;
  options?: z.ZodType[];
  valueType?: z.ZodType;
}
const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** The schema under optional/default/pipe wrappers. */
function unwrap(schema: z.ZodType): z.ZodType {
  const def = defOf(schema);
  if (def.innerType) return unwrap(def.innerType);
  if (def.type === 'pipe' && def.in) return unwrap(def.in);
  return schema;
}

/** Paths (a.b.0.c) of fields under `schema` at `path` whose label is missing. */
function unlabelled(root: z.ZodType, schema: z.ZodType, path: PropertyKey[]): string[] {
  const def = defOf(unwrap(schema));
  if (def.shape) {
    return Object.entries(def.shape).flatMap(([key, field]) => {
      const at = [...path, key];
      return [...(fieldLabel(root, at) ? [] : [at.join('.')]), ...unlabelled(root, field, at)];
    });
  }
  if (def.element) return unlabelled(root, def.element, [...path, 0]);
  if (def.valueType) return unlabelled(root, def.valueType, [...path, 'key']);
  if (def.options) return def.options.flatMap((option) => unlabelled(option, option, []).map((p) => [...path, p].join('.')));
  return [];
}

describe('field labels', () => {
  const actions = Object.entries(CONTRACT).flatMap(([fn, spec]) =>
    Object.entries(spec as Record<string, { input: z.ZodType }>).map(([name, a]) => [`${fn}.${name}`, a.input] as const),
  );

  it('covers every action of the contract', () => {
    expect(actions.length).toBeGreaterThan(50);
  });

  it.each(actions)('%s: every input field has a label', (_name, input) => {
    expect(unlabelled(input, input, [])).toEqual([]);
  });

  it('a refused staff or worker form names its fields', () => {
    const messages = (schema: z.ZodType, input: unknown) => {
      const parsed = schema.safeParse(input);
      return parsed.success ? {} : fieldMessages(schema, parsed.error.issues);
    };
    expect(messages(CONTRACT.centres.staffSaveRoster.input, { centreId: 'jiujiang', service: 'legal-consultation', periods: [], durationMinutes: 30, seats: 0, rules: { minNoticeMinutes: 0, windowDays: 7, perPersonPerWeek: 2, changeUntilHours: 2 } })).toEqual({ seats: '每个时段的名额不能小于1' });
    expect(messages(CONTRACT.aid.apply.input, { kind: 'hardship', centreId: 'jiujiang', name: '李四', phone: '13800138000', description: '', requestId: 'r-0123456789abcdef', householdSize: 0 })).toMatchObject({ description: '请填写情况说明', householdSize: '家里几口人不能小于1' });
    expect(messages(CONTRACT.station.staffQrCode.input, {})).toEqual({ campaignId: '请填写活动编号' });
    expect(messages(CONTRACT.rights.staffAnswer.input, { id: 'c1', text: '' })).toEqual({ text: expect.stringMatching(/^答复至少要\d+个字$/) });
  });

  it('finds an unlabelled field (the walk itself can fail)', async () => {
    const { z: zod } = await import('zod');
    const schema = zod.strictObject({ named: zod.string().describe('名字'), bare: zod.string(), list: zod.array(zod.strictObject({ inner: zod.number() })).describe('名单') });
    expect(unlabelled(schema, schema, [])).toEqual(['bare', 'list.0.inner']);
  });
});
