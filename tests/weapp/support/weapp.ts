/**
 * The real weapp build (dist/, `npm run build:weapp`) run headlessly: WeChat's own template
 * compiler (wcc, from miniprogram-compiler) turns dist's .wxml into render functions, j-component
 * (WeChat's exparser) renders each page into jsdom, and the pages' JavaScript is the built
 * app.js / page .js exactly as WeChat loads it. See docs/testing.md for what this does and does
 * not emulate.
 *
 * One mini-program per test file (jest gives each file a fresh module registry, so a fresh Taro
 * runtime): `await startWeapp({ cloud, who })`, then `app.open(path, query)` and the person's steps
 * (./screen.ts).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Identity } from '../../../local-cloud';
import type { TestCloud } from '../../support/local-cloud';
import { createWx, type NavigationKind, type WxStub } from './wx';

const DIST = path.resolve(__dirname, '..', '..', '..', 'dist');

// j-component and exparser are plain CommonJS without types: what we use of them is declared here.
interface JNode {
  dom: HTMLElement;
  instance: PageInstance;
  attach(parent: Element): void;
  detach(): void;
}
interface JComponent {
  register(def: Record<string, unknown>): string;
  create(id: string, props?: Record<string, unknown>): JNode;
}
interface Exparser {
  Event: {
    create(type: string, detail: unknown, opts: Record<string, unknown>): unknown;
    dispatchEvent(target: unknown, event: unknown): void;
  };
}
type PageOptions = Record<string, unknown> & { data?: Record<string, unknown> };
type PageInstance = Record<string, unknown> & {
  onLoad(query: Record<string, string>): void;
  onShow?(): void;
  onReady?(): void;
  onHide?(): void;
  onUnload?(): void;
};

export interface OpenPage {
  /** '/packages/…/index' as in src/routes.ts */
  path: string;
  /** The query the page's onLoad received (raw, as WeChat passes it). */
  query: Record<string, string>;
  node: JNode;
}

/** The query of a WeChat url as onLoad receives it: split, NOT decoded (WeChat does not decode). */
export function rawQuery(url: string): { path: string; query: Record<string, string> } {
  const [p, qs = ''] = url.split('?');
  const query: Record<string, string> = {};
  for (const pair of qs.split('&').filter(Boolean)) {
    const eq = pair.indexOf('=');
    query[eq < 0 ? pair : pair.slice(0, eq)] = eq < 0 ? '' : pair.slice(eq + 1);
  }
  return { path: p.startsWith('/') ? p : `/${p}`, query };
}

export interface Weapp {
  stub: WxStub;
  /** The page stack, top last (getCurrentPages()). */
  stack: OpenPage[];
  top(): OpenPage;
  /**
   * Opens a page as a cold start would, with the query handed to onLoad exactly as given (pass it
   * as WeChat would deliver it: a QR code's scene arrives URI-encoded). `scene` is WeChat's entry
   * scene value (1001 from the list, 1047 from scanning a mini-program code).
   */
  open(pagePath: string, query?: Record<string, string>, scene?: number): Promise<OpenPage>;
  setIdentity(who: Identity | null): void;
  /** Waits until no cloud call is running and the page has re-rendered. */
  settle(): Promise<void>;
  close(): void;
}

function loadBuild(stub: WxStub) {
  if (!existsSync(path.join(DIST, 'app.js'))) throw new Error('dist/ has no weapp build: run `npm run build:weapp` (npm test does)');
  const g = globalThis as unknown as Record<string, unknown>;
  // WeChat's globals, set before a line of the build runs (Taro wraps wx.* at start).
  g.wx = stub.wx;
  g.__webview_engine_version__ = 0.02; // read by wcc's output
  require('miniprogram-simulate'); // registers the built-in tags (view, text, button…) and fills in the rest of wx
  const jc = require('j-component') as JComponent;
  const exparser = require('miniprogram-exparser') as Exparser;
  // One compile of every .wxml in dist (what WeChat DevTools does at upload).
  const { wxmlToJs } = require('miniprogram-compiler') as { wxmlToJs(root: string): string };
  const gwx = new Function(wxmlToJs(DIST))() as (file: string) => unknown;

  let captured: PageOptions | null = null;
  let app: Record<string, unknown> | null = null;
  g.App = (options: Record<string, unknown>) => void (app = options);
  g.getApp = () => app;
  g.Page = (options: PageOptions) => void (captured = options);
  g.Component = (options: PageOptions) => void (captured = options);

  const run = (file: string): PageOptions => {
    captured = null;
    require(path.join(DIST, file));
    if (!captured) throw new Error(`${file} registered nothing (is dist/ a current weapp build?)`);
    return captured;
  };

  require(path.join(DIST, 'app.js'));
  if (!app) throw new Error('dist/app.js did not call App()');
  const theApp = app as Record<string, (...args: unknown[]) => void>;
  theApp.onLaunch?.({ path: 'pages/home/index', query: {}, scene: 1001 });
  theApp.onShow?.({ path: 'pages/home/index', query: {}, scene: 1001 });

  // Taro's recursive `comp` (deep trees render through it), registered once for every page.
  jc.register({ ...run('comp.js'), id: 'taro-comp', tagName: 'comp', template: gwx('comp.wxml'), usingComponents: { comp: 'taro-comp' } });

  const pageIds = new Map<string, string>();
  /** A Page's options as a component: WeChat calls page methods with the page as `this`, so do we. */
  const pageId = (pagePath: string): string => {
    const known = pageIds.get(pagePath);
    if (known) return known;
    const file = pagePath.slice(1);
    const options = run(`${file}.js`);
    const methods: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(options)) if (typeof v === 'function') methods[k] = v;
    const id = jc.register({
      id: `page${pageIds.size}`,
      tagName: 'page',
      template: gwx(`${file}.wxml`),
      usingComponents: { comp: 'taro-comp' },
      data: options.data ?? {},
      methods,
    });
    pageIds.set(pagePath, id);
    return id;
  };

  return { jc, exparser, pageId };
}

export async function startWeapp(opts: { cloud: TestCloud; who: Identity | null }): Promise<Weapp> {
  const stack: OpenPage[] = [];
  let build: ReturnType<typeof loadBuild>;
  const host = document.createElement('div');
  document.body.appendChild(host);

  const show = (page: OpenPage) => {
    // Pages below the top stay in the document, hidden, as WeChat keeps them alive in the stack.
    for (const p of stack) p.node.dom.hidden = p !== page;
    page.node.instance.onShow?.();
  };
  const mount = (pagePath: string, query: Record<string, string>): OpenPage => {
    const node = build.jc.create(build.pageId(pagePath));
    node.attach(host);
    const inst = node.instance;
    inst.route = pagePath.slice(1);
    inst.__route__ = pagePath.slice(1);
    inst.options = query;
    // ONE argument: a second one makes Taro treat the load as a prerender.
    inst.onLoad(query);
    const page = { path: pagePath, query, node };
    stack.push(page);
    show(page);
    inst.onReady?.();
    return page;
  };
  const unload = (page: OpenPage) => {
    page.node.instance.onUnload?.();
    page.node.detach();
  };

  const navigate = (kind: NavigationKind, url: string, delta: number) => {
    if (kind === 'navigateBack') {
      if (stack.length < 2) throw new Error('no page to go back to');
      for (let i = 0; i < delta && stack.length > 1; i++) unload(stack.pop()!);
      show(stack[stack.length - 1]);
      return;
    }
    const { path: target, query } = rawQuery(url);
    const top = stack[stack.length - 1];
    if (kind === 'navigateTo') top?.node.instance.onHide?.();
    if (kind === 'redirectTo' && top) unload(stack.pop()!);
    if (kind === 'switchTab' || kind === 'reLaunch') while (stack.length) unload(stack.pop()!);
    mount(target, kind === 'switchTab' ? {} : query);
  };

  const stub = createWx({ cloud: opts.cloud, who: opts.who, navigate });
  (globalThis as unknown as Record<string, unknown>).getCurrentPages = () => stack.map((p) => p.node.instance);
  build = loadBuild(stub);

  const weapp: Weapp = {
    stub,
    stack,
    top: () => {
      const page = stack[stack.length - 1];
      if (!page) throw new Error('no page is open');
      return page;
    },
    async open(pagePath, query = {}, scene = 1001) {
      while (stack.length) unload(stack.pop()!);
      stub.enter = { path: pagePath.slice(1), query, scene };
      const page = mount(pagePath, query);
      await weapp.settle();
      return page;
    },
    setIdentity: (who) => stub.setIdentity(who),
    async settle() {
      // Cloud calls run on the local cloud's worker threads and start after React's effects;
      // settled means no call has been running for 50 ms (or 8 s have passed).
      let quiet = 0;
      for (let i = 0; i < 800 && quiet < 5; i++) {
        await new Promise((r) => setTimeout(r, 10));
        quiet = stub.pendingCalls() === 0 ? quiet + 1 : 0;
      }
    },
    close() {
      while (stack.length) unload(stack.pop()!);
      host.remove();
    },
  };
  return weapp;
}

/** The exparser event WeChat dispatches for a tap, bubbling from the tapped node up to its handler. */
export function dispatch(el: Element, type: string, detail: Record<string, unknown> = {}): void {
  const exparser = require('miniprogram-exparser') as Exparser;
  const node = (el as unknown as { __wxElement?: unknown }).__wxElement;
  if (!node) throw new Error(`<${el.tagName.toLowerCase()}> is not a rendered mini-program node`);
  exparser.Event.dispatchEvent(node, exparser.Event.create(type, detail, { bubbles: true, composed: true, capturePhase: true }));
}
