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
  // ---- centres: bookings and 便民日
  centreBook: '/packages/centres/pages/book/index',
  myBookings: '/packages/centres/pages/bookings/index',
  booking: '/packages/centres/pages/booking/index',
  fair: '/packages/centres/pages/fair/index',
  centreStaffDay: '/packages/centres/staff/day/index',
  fairStaff: '/packages/centres/staff/fair/index',
  // ---- station (平安返乡)
  stationPoint: '/packages/station/pages/point/index',
  stationStaff: '/packages/station/staff/campaigns/index',
  // ---- events
  eventDetail: '/packages/events/pages/detail/index',
  eventsMine: '/packages/events/pages/mine/index',
  eventTicket: '/packages/events/pages/ticket/index',
  eventsStaff: '/packages/events/staff/events/index',
  eventCheckIn: '/packages/events/staff/checkin/index',
  eventEdit: '/packages/events/staff/edit/index',
  // ---- rights (维权)
  rightsSearch: '/packages/rights/pages/search/index',
  rightsCategory: '/packages/rights/pages/category/index',
  rightsArticle: '/packages/rights/pages/article/index',
  rightsAsk: '/packages/rights/pages/ask/index',
  rightsCases: '/packages/rights/pages/cases/index',
  rightsCase: '/packages/rights/pages/case/index',
  rightsFavourites: '/packages/rights/pages/favourites/index',
  rightsDeadlines: '/packages/rights/pages/deadlines/index',
  rightsStaffArticles: '/packages/rights/staff/articles/index',
  rightsStaffArticle: '/packages/rights/staff/article/index',
  rightsStaffCases: '/packages/rights/staff/cases/index',
  rightsStaffCase: '/packages/rights/staff/case/index',
  rightsStaffInsights: '/packages/rights/staff/insights/index',
  // ---- aid (帮扶)
  aidApply: '/packages/aid/pages/apply/index',
  aidApplication: '/packages/aid/pages/application/index',
  aidMine: '/packages/aid/pages/mine/index',
  aidStaffQueue: '/packages/aid/staff/queue/index',
  aidStaffApplication: '/packages/aid/staff/application/index',
  aidStaffAlerts: '/packages/aid/staff/alerts/index',
  // ---- staff (工作台) and 我的数据 (docs/staff.md, docs/privacy.md)
  staffHome: '/packages/staff/pages/home/index',
  staffDashboard: '/packages/staff/pages/dashboard/index',
  staffRoles: '/packages/staff/pages/roles/index',
  staffAudit: '/packages/staff/pages/audit/index',
  myData: '/packages/me/pages/data/index',
  staffCode: '/packages/me/pages/staff-code/index',
  // ---- the app itself
  notFound: '/packages/app/pages/not-found/index',
} as const;

/**
 * The legal-consultation booking hand-off (预约法律咨询 on an article) into PAGES.centreBook: the
 * centre (the one last booked on this phone; absent: the page asks), the service to preselect, and
 * the topic the worker comes about (the article's title; shown and editable on the page, stored
 * with the booking for the desk).
 */
export interface CentreBookingParams {
  centreId?: string;
  service: 'legal-consultation';
  topic: string;
}

export type PagePath = (typeof PAGES)[keyof typeof PAGES];

export function openPage(page: PagePath, params: Record<string, string> = {}): void {
  const query = Object.entries(params)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
    .join('&');
  void Taro.navigateTo({ url: query ? `${page}?${query}` : page });
}

export type TabPath = (typeof TABS)[keyof typeof TABS];

export function openTab(tab: TabPath): void {
  void Taro.switchTab({ url: tab });
}
