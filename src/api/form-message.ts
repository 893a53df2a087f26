import type { AppErrorBody } from '../../contract/define';

/** Said above a form's button when the server refused some of its boxes: the details are in red beside them. */
export const FIX_FIELDS_MESSAGE = '有几项要改，请看红字';

/**
 * What a form says above its button after a refusal. The door puts the first field's problem in
 * the message too (for pages without boxes); a form that writes each problem beside its box must
 * not say it twice, so it points to the red text instead — unless no refused field is on this
 * form (a field it does not show, or a refusal of the whole request), which is then said in full.
 */
export function formMessage(error: Pick<AppErrorBody, 'message' | 'fields'>, onForm: (field: string) => boolean): string {
  return Object.keys(error.fields ?? {}).some(onForm) ? FIX_FIELDS_MESSAGE : error.message;
}
