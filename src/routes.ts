import Taro from '@tarojs/taro';

/** Every page path, written once. Tabs are switched to; other pages are navigated to. */
export const TABS = {
  home: '/pages/home/index',
  events: '/pages/events/index',
  rights: '/pages/rights/index',
  me: '/pages/me/index',
} as const;

export const PAGES = {
  centreDetail: '/packages/centres/pages/detail/index',
} as const;

export type PagePath = (typeof PAGES)[keyof typeof PAGES];

export function openPage(page: PagePath, params: Record<string, string> = {}): void {
  const query = Object.entries(params)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
    .join('&');
  void Taro.navigateTo({ url: query ? `${page}?${query}` : page });
}

export function openTab(tab: (typeof TABS)[keyof typeof TABS]): void {
  void Taro.switchTab({ url: tab });
}
