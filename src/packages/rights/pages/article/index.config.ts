export default definePageConfig({ navigationBarTitleText: '维权普法', enableShareAppMessage: true, enableShareTimeline: true });
