export default definePageConfig({ navigationBarTitleText: '职工没找到的' });
