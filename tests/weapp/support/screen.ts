/**
 * What a person sees and does on the top page of a headless weapp: its text, a tap on the thing
 * that reads "…", typing into the box whose placeholder reads "…". Lookups go by visible text and
 * placeholders, never by Taro's generated ids, so a test reads like the person's steps.
 */
import { dispatch, type Weapp } from './weapp';

interface VNode {
  _vt?: { attrs?: { name: string; value: unknown }[] };
}

/** An attribute as the template set it (wx-* nodes keep them on the exparser node, not the DOM). */
export function attr(el: Element, name: string): unknown {
  const node = (el as unknown as { __wxElement?: VNode }).__wxElement;
  return node?._vt?.attrs?.find((a) => a.name === name)?.value;
}

const squash = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

/** The whole text of the page on top, as one line. */
export function textOf(app: Weapp): string {
  return squash(app.top().node.dom.textContent);
}

/**
 * The element a person would tap to hit `text`: among elements whose text contains it, the
 * innermost (the label itself); the tap bubbles from there to whatever handles it, as on a phone.
 * An exact match wins over a longer text that contains it.
 */
export function findText(app: Weapp, text: string | RegExp, nth = 0): Element {
  const matches = (el: Element) => {
    const t = squash(el.textContent);
    return typeof text === 'string' ? t.includes(text) : text.test(t);
  };
  const all = Array.from(app.top().node.dom.querySelectorAll('*')).filter(matches);
  const innermost = all.filter((el) => !Array.from(el.children).some(matches));
  const exact = innermost.filter((el) => (typeof text === 'string' ? squash(el.textContent) === text : true));
  const found = (exact.length ? exact : innermost)[nth];
  if (!found) throw new Error(`nothing reads "${String(text)}" on ${app.top().path}:\n${textOf(app)}`);
  return found;
}

/** Waits (cloud calls, re-render) until `text` shows on the top page, or fails with what is there. */
export async function waitForText(app: Weapp, text: string | RegExp, tries = 20): Promise<void> {
  for (let i = 0; i < tries; i++) {
    const t = textOf(app);
    if (typeof text === 'string' ? t.includes(text) : text.test(t)) return;
    await app.settle();
  }
  throw new Error(`"${String(text)}" never showed on ${app.top().path}:\n${textOf(app)}`);
}

export async function tap(app: Weapp, text: string | RegExp, nth = 0): Promise<void> {
  await waitForText(app, text);
  dispatch(findText(app, text, nth), 'tap', { x: 0, y: 0 });
  await app.settle();
}

/** Two taps in quick succession, before anything the first one started has come back. */
export async function doubleTap(app: Weapp, text: string | RegExp): Promise<void> {
  await waitForText(app, text);
  const el = findText(app, text);
  dispatch(el, 'tap', { x: 0, y: 0 });
  dispatch(el, 'tap', { x: 0, y: 0 });
  await app.settle();
}

/** The input or textarea a person finds by its placeholder or its spoken label (aria-label). */
function box(app: Weapp, label: string): Element {
  const boxes = Array.from(app.top().node.dom.querySelectorAll('wx-input, wx-textarea'));
  // A person finds a box by the words on it or the label above it (LabelledField); aria-label does
  // not reach the weapp template for every component.
  const labelAbove = (el: Element) => el.closest('.form-field')?.querySelector('.form-field__label')?.textContent;
  const names = (el: Element) => [attr(el, 'placeholder'), attr(el, 'aria-label'), labelAbove(el)].map((v) => String(v ?? ''));
  const found = boxes.find((el) => names(el).some((n) => n.includes(label)));
  if (!found) {
    const seen = boxes.map((el) => names(el).filter(Boolean).join('/') || '(unnamed)').join(' | ');
    throw new Error(`no box "${label}" on ${app.top().path}; boxes: ${seen}`);
  }
  return found;
}

/** Types into the input or textarea found by `label` (placeholder, aria-label or the label above it), then leaves it. */
export async function type(app: Weapp, label: string, value: string): Promise<void> {
  const el = box(app, label);
  dispatch(el, 'focus', { value: '' });
  dispatch(el, 'input', { value, cursor: value.length, keyCode: 0 });
  dispatch(el, 'blur', { value });
  await app.settle();
}

/** Presses the keyboard's 确认/搜索 key in the box found by `label`. */
export async function confirmKey(app: Weapp, label: string, value: string): Promise<void> {
  dispatch(box(app, label), 'confirm', { value });
  await app.settle();
}
