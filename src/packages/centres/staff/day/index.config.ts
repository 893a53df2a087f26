export default definePageConfig({ navigationBarTitleText: '预约核销', enablePullDownRefresh: true });
