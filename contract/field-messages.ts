/**
 * Plain-Chinese field errors from schema issues, naming the field: "请填写活动名称", "名额不能少于1".
 * A field's label is declared once, on its schema, with `.describe('活动名称')`; the server's door
 * (server/runtime/entry.ts) turns every issue into one of these. A refinement's own message (written
 * in Chinese next to the schema) is kept as it is. Server-side only: it walks zod schemas.
 */
import type * as z from 'zod';
import type { $ZodIssue } from 'zod/v4/core';

type AnySchema = z.ZodType;
interface Def {
  type: string;
  shape?: Record<string, AnySchema>;
  innerType?: AnySchema;
  in?: AnySchema;
  element?: AnySchema;
  options?: AnySchema[];
  valueType?: AnySchema;
}
const defOf = (schema: AnySchema): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** The label of the field at `path`: the nearest `.describe()` on the way down, wrappers included. */
export function fieldLabel(schema: AnySchema, path: readonly PropertyKey[]): string | undefined {
  let current: AnySchema | undefined = schema;
  let label: string | undefined;
  for (let i = 0; current; ) {
    if (current.description) label = current.description;
    const def = defOf(current);
    if (def.innerType) current = def.innerType;
    else if (def.type === 'pipe' && def.in) current = def.in;
    else if (i >= path.length) break;
    else if (def.shape) current = def.shape[String(path[i++])];
    else if (def.element) (current = def.element), (i += 1);
    else if (def.valueType) (current = def.valueType), (i += 1);
    else if (def.options) current = def.options.find((o) => fieldLabel(o, path.slice(i)) !== undefined);
    else break;
    if (current && i === path.length && current.description) label = current.description;
    else if (current && i < path.length) label = undefined;
  }
  return label;
}

/** The message for one issue, naming the field when its label is known. */
export function fieldMessage(issue: $ZodIssue, label: string | undefined): string {
  const name = label ?? '这一项';
  switch (issue.code) {
    case 'custom':
      return issue.message;
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string') return min <= 1 ? `请填写${name}` : `${name}至少要${min}个字`;
      if (issue.origin === 'array' || issue.origin === 'set') return min <= 1 ? `请至少选一个${name}` : `${name}至少要${min}个`;
      return `${name}不能小于${min}`;
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'string') return `${name}最多${max}个字`;
      if (issue.origin === 'array' || issue.origin === 'set') return `${name}最多${max}个`;
      return `${name}不能大于${max}`;
    }
    case 'invalid_type':
      if (issue.expected === 'date') return `请选择${name}`;
      if (issue.expected === 'number' || issue.expected === 'int') return `${name}要填数字`;
      return `请填写${name}`;
    case 'invalid_format':
      return `${name}的格式不对`;
    case 'invalid_value':
    case 'invalid_union':
      return `请选择${name}`;
    case 'not_multiple_of':
      return `${name}要填整数`;
    case 'unrecognized_keys':
      return '有不认识的内容，请刷新页面后再试';
    default:
      return `${name}填得不对`;
  }
}

/** Field path -> message, first issue per field, for `AppErrorBody.fields`. */
export function fieldMessages(schema: AnySchema, issues: readonly $ZodIssue[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of issues) {
    const path = issue.path.map(String).join('.') || '_';
    if (!fields[path]) fields[path] = fieldMessage(issue, fieldLabel(schema, issue.path));
  }
  return fields;
}
