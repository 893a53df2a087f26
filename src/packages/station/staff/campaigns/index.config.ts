export default definePageConfig({ navigationBarTitleText: '平安返乡 · 工作人员' });
