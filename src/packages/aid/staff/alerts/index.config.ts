export default definePageConfig({ navigationBarTitleText: '集体欠薪预警' });
