export default definePageConfig({ navigationBarTitleText: '职工·家', enablePullDownRefresh: true });
