/**
 * `npm run check:weapp`: WeChat's own offline checks of the weapp build in dist/ (miniprogram-ci's
 * checkCodeQuality, the 代码质量 panel of DevTools: package sizes, JS/WXML/WXSS compression, lazy
 * code loading, image sizes, code only other subpackages use, unused files), written as JSON to
 * .tmp/weapp-quality.json (miniprogram-ci prints its own lines to stdout) with one line per check.
 * Needs no network and no real key: both are only for preview/upload (docs/deploying.md).
 * Exits explicitly: the analyser leaves a file watcher running.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as ci from 'miniprogram-ci';

const root = path.resolve(__dirname, '..');
export const QUALITY_REPORT = path.join(root, '.tmp', 'weapp-quality.json');

export interface QualityItem {
  name: string;
  success: boolean;
  text: string;
  detail?: unknown;
}

async function main(): Promise<void> {
  // The constructor wants a key file; the offline checks never read it.
  const keyPath = path.join(mkdtempSync(path.join(os.tmpdir(), 'zgj-ci-')), 'placeholder.key');
  writeFileSync(keyPath, '-----BEGIN RSA PRIVATE KEY-----\nplaceholder\n-----END RSA PRIVATE KEY-----\n');
  const project = new ci.Project({
    appid: 'wx0000000000000000',
    type: 'miniProgram',
    projectPath: root,
    privateKeyPath: keyPath,
    ignores: ['node_modules/**/*'],
  });
  const items = (await ci.checkCodeQuality(project)) as QualityItem[];
  const report = items.map(({ name, success, text, detail }) => ({ name, success, text, detail }));
  mkdirSync(path.dirname(QUALITY_REPORT), { recursive: true });
  writeFileSync(QUALITY_REPORT, `${JSON.stringify(report, null, 2)}\n`);
  for (const item of report) console.log(`${item.success ? 'ok  ' : 'FAIL'} ${item.name}: ${item.text}`);
}

// Run as a script, not when a test imports QUALITY_REPORT.
if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(__filename)) main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
