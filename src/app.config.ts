// Tab pages live in the main package; every other page in a subpackage per area, so a worker's
// first open downloads only what the four tabs need.
export default defineAppConfig({
  pages: ['pages/home/index', 'pages/events/index', 'pages/rights/index', 'pages/me/index'],
  subPackages: [{ root: 'packages/centres', pages: ['pages/detail/index'] }],
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
  // WeChat's privacy guideline: personal-data APIs wait for the user's consent.
  __usePrivacyCheck__: true,
  lazyCodeLoading: 'requiredComponents',
});
