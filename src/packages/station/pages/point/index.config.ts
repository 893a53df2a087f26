export default definePageConfig({ navigationBarTitleText: '平安返乡服务点' });
