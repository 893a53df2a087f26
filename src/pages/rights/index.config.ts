export default definePageConfig({ navigationBarTitleText: '维权普法', enablePullDownRefresh: true });
