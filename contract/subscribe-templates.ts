/**
 * WeChat subscribe-message templates the product sends, and their field keys. The template ids
 * are the union's own, chosen in the mini-program admin console (订阅消息 -> 我的模板); replace the
 * placeholders there and here together. Field value limits (checked by the local cloud's stand-in
 * as WeChat does): thing <= 20 chars, phrase <= 5 Chinese chars, character_string <= 32 without
 * Chinese, name <= 10 Chinese chars; time/date as 'YYYY-MM-DD HH:mm'.
 */
export interface SubscribeTemplate {
  /** The template id from the admin console. */
  id: string;
  /** What the message is for (shown to engineers only). */
  purpose: string;
  /** Field key -> value kind, as the console lists them. */
  fields: Record<string, 'thing' | 'phrase' | 'character_string' | 'name' | 'time' | 'date' | 'number'>;
}

export const SUBSCRIBE_TEMPLATES = {} satisfies Record<string, SubscribeTemplate>;
