export default definePageConfig({ navigationBarTitleText: '算算期限' });
