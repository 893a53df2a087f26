/**
 * The mini-program's size: the production weapp build's main package and total, next to an empty
 * Taro React app built in the same run with the same toolchain (the floor every page sits on).
 * WeChat's limits: 2 MB per package, 20 MB in all.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { folderBytes, mustRun, REPO, round } from './support';

const MB = 1024 * 1024;

/** Main package = everything outside the subpackage roots (src/app.config.ts subPackages). */
function packageSizes(dist: string, subpackageRoots: string[]) {
  const inSub = (rel: string) => subpackageRoots.some((root) => rel === root || rel.startsWith(`${root}/`));
  const main = folderBytes(dist, (rel) => inSub(rel));
  const total = folderBytes(dist);
  const subpackages = Object.fromEntries(subpackageRoots.map((root) => [root, folderBytes(path.join(dist, root))]));
  return { mainBytes: main, totalBytes: total, subpackages };
}

function buildEmptyApp(): string {
  const dir = path.join(REPO, '.tmp', 'bench-empty-taro-app');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.join(dir, 'src', 'pages', 'index'), { recursive: true });
  mkdirSync(path.join(dir, 'config'), { recursive: true });
  writeFileSync(
    path.join(dir, 'config', 'index.js'),
    `module.exports = (merge) => merge({}, { projectName: 'empty', designWidth: 750, deviceRatio: { 750: 1 }, sourceRoot: 'src', outputRoot: 'dist', framework: 'react', compiler: { type: 'webpack5', prebundle: { enable: false } }, cache: { enable: false }, mini: { optimizeMainPackage: { enable: true } } });\n`,
  );
  writeFileSync(path.join(dir, 'babel.config.js'), `module.exports = { presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5' }]] };\n`);
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'empty', private: true, templateInfo: { name: 'default', typescript: true, css: 'None', framework: 'React' } }));
  writeFileSync(path.join(dir, 'project.config.json'), JSON.stringify({ miniprogramRoot: 'dist/', appid: 'touristappid', compileType: 'miniprogram' }));
  writeFileSync(path.join(dir, 'src', 'app.config.ts'), `export default { pages: ['pages/index/index'] };\n`);
  writeFileSync(path.join(dir, 'src', 'app.ts'), `import { PropsWithChildren } from 'react';\nexport default function App({ children }: PropsWithChildren) { return children; }\n`);
  writeFileSync(path.join(dir, 'src', 'pages', 'index', 'index.config.ts'), `export default { navigationBarTitleText: 'empty' };\n`);
  writeFileSync(path.join(dir, 'src', 'pages', 'index', 'index.tsx'), `import { View } from '@tarojs/components';\nexport default function Index() { return <View>empty</View>; }\n`);
  mustRun(path.join(REPO, 'node_modules', '.bin', 'taro'), ['build', '--type', 'weapp'], dir);
  return path.join(dir, 'dist');
}

export async function run(): Promise<Record<string, unknown>> {
  mustRun('npm', ['run', '--silent', 'build:weapp']);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const appConfig = (require(path.join(REPO, 'dist', 'app.json')) as { subPackages?: { root: string }[]; subpackages?: { root: string }[] });
  const roots = (appConfig.subPackages ?? appConfig.subpackages ?? []).map((s) => s.root.replace(/\/$/, ''));
  const app = packageSizes(path.join(REPO, 'dist'), roots);
  const emptyDist = buildEmptyApp();
  const empty = packageSizes(emptyDist, []);
  return {
    weapp: app,
    emptyTaroApp: { mainBytes: empty.mainBytes, totalBytes: empty.totalBytes },
    mainPackageOverEmptyBytes: app.mainBytes - empty.mainBytes,
    mainPackageRatioToEmpty: round(app.mainBytes / empty.mainBytes, 2),
    mainPackageShareOfWeChatLimit: round(app.mainBytes / (2 * MB), 3),
  };
}
