import { readFileSync } from 'node:fs';
import { PRIVACY_DOC, renderPrivacyDoc, usedPrivacyEntries } from '../../scripts/privacy-guide';

it('docs/privacy.md lists the privacy-guide entries the code uses (run `npm run docs:privacy` after using a personal-data API)', () => {
  expect(readFileSync(PRIVACY_DOC, 'utf8')).toBe(renderPrivacyDoc());
});

it('finds the clipboard where the app copies text, and no location API since 今天还能约 needs none', () => {
  const used = usedPrivacyEntries();
  const clipboard = used.find((u) => u.info === '使用你的剪切板');
  expect(clipboard?.files.sort()).toEqual([
    'src/packages/centres/pages/detail/index.tsx',
    'src/packages/rights/pages/article/index.tsx',
    'src/packages/station/staff/campaigns/index.tsx',
  ]);
  expect(used.map((u) => u.info)).not.toContain('收集你的位置信息');
});
