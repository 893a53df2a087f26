/**
 * The `wx` global the weapp build runs against in tests: what WeChat's base library would answer,
 * with every call a person would notice recorded (toasts, dialogs, titles, navigation) so a test
 * can assert what the person sees. `wx.cloud.callFunction` goes to a real local cloud as the
 * chosen identity — the function reads it from getWXContext(), exactly as on WeChat.
 */
import type { Identity, LocalCloud } from '../../../local-cloud';

type Callbacks = { success?: (res: unknown) => void; fail?: (err: unknown) => void; complete?: (res: unknown) => void };
type Options = Record<string, unknown> & Callbacks;

/** WeChat's async API shape: callbacks when given, and a promise either way. */
function answer<T extends Record<string, unknown>>(opts: Options | undefined, res: T): Promise<T> {
  opts?.success?.(res);
  opts?.complete?.(res);
  return Promise.resolve(res);
}

function refuse(opts: Options | undefined, err: { errMsg: string; errCode?: number }): Promise<never> {
  opts?.fail?.(err);
  opts?.complete?.(err);
  return Promise.reject(err);
}

export type NavigationKind = 'navigateTo' | 'redirectTo' | 'switchTab' | 'reLaunch' | 'navigateBack';

export interface Seen {
  toasts: string[];
  modals: { title: string; content: string }[];
  titles: string[];
  navigations: { kind: NavigationKind; url: string; delta?: number }[];
  clipboard: string[];
  phoneCalls: string[];
}

export interface WxStubOptions {
  cloud: LocalCloud;
  /** The identity WeChat signs calls with (changeable between steps with setIdentity). */
  who: Identity | null;
  /** Called for each navigation; the harness loads the target page here. */
  navigate: (kind: NavigationKind, url: string, delta: number) => void;
}

export interface WxStub {
  wx: Record<string, unknown>;
  seen: Seen;
  storage: Map<string, unknown>;
  setIdentity(who: Identity | null): void;
  /** Answers the next showModal (default: the person taps 确定). */
  answerNextModal(confirm: boolean, content?: string): void;
  /** Calls to cloud functions still running: a test waits for them before asserting. */
  pendingCalls(): number;
  /** What getEnterOptionsSync/getLaunchOptionsSync answer (the harness sets it on a cold start). */
  enter: EnterOptions;
}

/** WeChat's enter options: the page, its raw query and the scene value (1001 list, 1047 QR code). */
export interface EnterOptions {
  path: string;
  query: Record<string, string>;
  scene: number;
}

export function createWx(opts: WxStubOptions): WxStub {
  let who = opts.who;
  let pending = 0;
  const storage = new Map<string, unknown>();
  const modalAnswers: { confirm: boolean; content?: string }[] = [];
  const stub = { enter: { path: 'pages/home/index', query: {}, scene: 1001 } as EnterOptions };
  const seen: Seen = { toasts: [], modals: [], titles: [], navigations: [], clipboard: [], phoneCalls: [] };

  const navigation = (kind: NavigationKind) => (o: Options) => {
    const url = String(o?.url ?? '');
    const delta = Number(o?.delta ?? 1);
    seen.navigations.push(kind === 'navigateBack' ? { kind, url, delta } : { kind, url });
    try {
      opts.navigate(kind, url, delta);
    } catch (error) {
      return refuse(o, { errMsg: `${kind}:fail ${String(error)}` });
    }
    return answer(o, { errMsg: `${kind}:ok` });
  };

  const wx: Record<string, unknown> = {
    // ---- storage (synchronous and callback forms; values are kept as given, like WeChat)
    getStorageSync: (key: string) => (storage.has(key) ? storage.get(key) : ''),
    setStorageSync: (key: string, value: unknown) => void storage.set(key, value),
    removeStorageSync: (key: string) => void storage.delete(key),
    clearStorageSync: () => storage.clear(),
    getStorage: (o: Options) =>
      storage.has(String(o.key)) ? answer(o, { data: storage.get(String(o.key)), errMsg: 'getStorage:ok' }) : refuse(o, { errMsg: 'getStorage:fail data not found' }),
    setStorage: (o: Options) => (storage.set(String(o.key), o.data), answer(o, { errMsg: 'setStorage:ok' })),
    removeStorage: (o: Options) => (storage.delete(String(o.key)), answer(o, { errMsg: 'removeStorage:ok' })),
    getStorageInfoSync: () => ({ keys: [...storage.keys()], currentSize: 0, limitSize: 10240 }),

    // ---- what the person sees
    showToast: (o: Options) => (seen.toasts.push(String(o.title ?? '')), answer(o, { errMsg: 'showToast:ok' })),
    hideToast: (o?: Options) => answer(o, { errMsg: 'hideToast:ok' }),
    showLoading: (o: Options) => answer(o, { errMsg: 'showLoading:ok' }),
    hideLoading: (o?: Options) => answer(o, { errMsg: 'hideLoading:ok' }),
    showModal: (o: Options) => {
      seen.modals.push({ title: String(o.title ?? ''), content: String(o.content ?? '') });
      const a = modalAnswers.shift() ?? { confirm: true };
      return answer(o, { confirm: a.confirm, cancel: !a.confirm, content: a.content, errMsg: 'showModal:ok' });
    },
    showActionSheet: (o: Options) => refuse(o, { errMsg: 'showActionSheet:fail cancel' }),
    setNavigationBarTitle: (o: Options) => (seen.titles.push(String(o.title ?? '')), answer(o, { errMsg: 'setNavigationBarTitle:ok' })),
    setNavigationBarColor: (o: Options) => answer(o, { errMsg: 'setNavigationBarColor:ok' }),
    stopPullDownRefresh: (o?: Options) => answer(o, { errMsg: 'stopPullDownRefresh:ok' }),
    pageScrollTo: (o: Options) => answer(o, { errMsg: 'pageScrollTo:ok' }),
    vibrateShort: (o?: Options) => answer(o, { errMsg: 'vibrateShort:ok' }),
    setClipboardData: (o: Options) => (seen.clipboard.push(String(o.data ?? '')), answer(o, { errMsg: 'setClipboardData:ok' })),
    makePhoneCall: (o: Options) => (seen.phoneCalls.push(String(o.phoneNumber ?? '')), answer(o, { errMsg: 'makePhoneCall:ok' })),
    setScreenBrightness: (o: Options) => answer(o, { errMsg: 'setScreenBrightness:ok' }),
    getScreenBrightness: (o: Options) => answer(o, { value: 0.5, errMsg: 'getScreenBrightness:ok' }),
    setKeepScreenOn: (o: Options) => answer(o, { errMsg: 'setKeepScreenOn:ok' }),
    showShareMenu: (o?: Options) => answer(o, { errMsg: 'showShareMenu:ok' }),

    // ---- navigation: recorded and carried out by the harness
    navigateTo: navigation('navigateTo'),
    redirectTo: navigation('redirectTo'),
    switchTab: navigation('switchTab'),
    reLaunch: navigation('reLaunch'),
    navigateBack: navigation('navigateBack'),

    getEnterOptionsSync: () => ({ ...stub.enter, referrerInfo: {} }),
    getLaunchOptionsSync: () => ({ ...stub.enter, referrerInfo: {} }),

    // ---- device and permissions, as the base library answers a worker who declines
    getLocation: (o: Options) => refuse(o, { errMsg: 'getLocation:fail auth deny' }),
    scanCode: (o: Options) => refuse(o, { errMsg: 'scanCode:fail cancel' }),
    openLocation: (o: Options) => answer(o, { errMsg: 'openLocation:ok' }),
    authorize: (o: Options) => refuse(o, { errMsg: 'authorize:fail auth deny' }),
    getSetting: (o: Options) => answer(o, { authSetting: {}, errMsg: 'getSetting:ok' }),
    // The privacy guideline (app.config __usePrivacyCheck__): the worker has already agreed.
    getPrivacySetting: (o: Options) => answer(o, { needAuthorization: false, privacyContractName: '《职工·家隐私保护指引》', errMsg: 'getPrivacySetting:ok' }),
    requirePrivacyAuthorize: (o: Options) => answer(o, { errMsg: 'requirePrivacyAuthorize:ok' }),
    onNeedPrivacyAuthorization: () => undefined,
    openPrivacyContract: (o: Options) => answer(o, { errMsg: 'openPrivacyContract:ok' }),
    // One tap grants one message per template: the worker taps 允许.
    requestSubscribeMessage: (o: Options) => {
      const res: Record<string, unknown> = { errMsg: 'requestSubscribeMessage:ok' };
      for (const id of (o.tmplIds as string[] | undefined) ?? []) res[id] = 'accept';
      return answer(o, res);
    },

    // ---- the cloud: the real functions on the local cloud, signed with the chosen identity
    cloud: {
      init: () => undefined,
      callFunction: async (o: Options) => {
        pending += 1;
        try {
          const result = await opts.cloud.invoke(String(o.name), o.data, who);
          return await answer(o, { result, errMsg: 'cloud.callFunction:ok', requestID: 'local' });
        } catch (error) {
          return await refuse(o, { errMsg: `cloud.callFunction:fail ${String(error)}`, errCode: -404011 });
        } finally {
          pending -= 1;
        }
      },
    },
  };

  const rest: Omit<WxStub, 'enter'> = {
    wx,
    seen,
    storage,
    setIdentity: (next) => {
      who = next;
    },
    answerNextModal: (confirm, content) => void modalAnswers.push({ confirm, content }),
    pendingCalls: () => pending,
  };
  return Object.assign(stub, rest);
}
