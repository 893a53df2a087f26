export default definePageConfig({ navigationBarTitleText: '便民日叫号' });
