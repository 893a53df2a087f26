export default definePageConfig({ navigationBarTitleText: '签到和名单' });
