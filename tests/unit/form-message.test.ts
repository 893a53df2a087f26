/**
 * A refused form says each problem once: beside its box, with a pointer above the button — and in
 * full above the button when no refused field is on the form.
 */
import { FIX_FIELDS_MESSAGE, formMessage } from '../../src/api/form-message';

const refusal = { message: '请填写活动名称', fields: { 'draft.title': '请填写活动名称' } };

test('a problem shown beside its box is pointed to, not repeated', () => {
  expect(formMessage(refusal, (f) => f.startsWith('draft.'))).toBe(FIX_FIELDS_MESSAGE);
});

test('a refused field the form does not show, or a refusal without fields, is said in full', () => {
  expect(formMessage(refusal, (f) => f === 'phone')).toBe('请填写活动名称');
  expect(formMessage({ message: '名额已满' }, () => true)).toBe('名额已满');
});
