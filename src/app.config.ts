// Tab pages live in the main package; every other page in a subpackage per area, so a worker's
// first open downloads only what the four tabs need.
export default defineAppConfig({
  pages: ['pages/home/index', 'pages/events/index', 'pages/rights/index', 'pages/me/index'],
  subPackages: [
    {
      root: 'packages/centres',
      pages: [
        'pages/detail/index',
        'pages/book/index',
        'pages/bookings/index',
        'pages/booking/index',
        'pages/fair/index',
        'staff/day/index',
        'staff/fair/index',
      ],
    },
    { root: 'packages/station', pages: ['pages/point/index', 'staff/campaigns/index'] },
    {
      root: 'packages/events',
      pages: ['pages/detail/index', 'pages/mine/index', 'pages/ticket/index', 'staff/events/index', 'staff/checkin/index', 'staff/edit/index'],
    },
    {
      root: 'packages/rights',
      pages: [
        'pages/search/index',
        'pages/category/index',
        'pages/article/index',
        'pages/ask/index',
        'pages/cases/index',
        'pages/case/index',
        'pages/favourites/index',
        'pages/deadlines/index',
        'staff/articles/index',
        'staff/article/index',
        'staff/cases/index',
        'staff/case/index',
        'staff/insights/index',
      ],
    },
    // 工作台 (staff only) and 我的数据
    { root: 'packages/staff', pages: ['pages/home/index', 'pages/dashboard/index', 'pages/roles/index', 'pages/audit/index'] },
    { root: 'packages/me', pages: ['pages/data/index', 'pages/staff-code/index'] },
    // Where an unknown address lands (src/app.tsx)
    { root: 'packages/app', pages: ['pages/not-found/index'] },
  ],
  window: {
    backgroundTextStyle: 'dark',
    navigationBarBackgroundColor: '#b4151c',
    navigationBarTitleText: '职工·家',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f6f3ee',
  },
  tabBar: {
    color: '#4a4a4a',
    selectedColor: '#b4151c',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      { pagePath: 'pages/home/index', iconPath: 'assets/tab/home.png', selectedIconPath: 'assets/tab/home-active.png', text: '首页' },
      { pagePath: 'pages/events/index', iconPath: 'assets/tab/events.png', selectedIconPath: 'assets/tab/events-active.png', text: '活动' },
      { pagePath: 'pages/rights/index', iconPath: 'assets/tab/rights.png', selectedIconPath: 'assets/tab/rights-active.png', text: '维权' },
      { pagePath: 'pages/me/index', iconPath: 'assets/tab/me.png', selectedIconPath: 'assets/tab/me-active.png', text: '我的' },
    ],
  },
  // WeChat's privacy check needs no switch since 17 Oct 2023 (base library 2.32.3+): personal-data
  // APIs wait for the user's consent (src/components/privacy/consent.tsx). No location API is used:
  // 首页 "今天还能约" ranks from the centre the worker taps (docs/deploying.md).
  // Which pages WeChat search may index (sitemap.json, copied into dist/ by config/index.ts).
  sitemapLocation: 'sitemap.json',
  lazyCodeLoading: 'requiredComponents',
});
