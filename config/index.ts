import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import { releaseSettings, writeAppid } from './release';

/**
 * Taro build configuration for both targets.
 * weapp writes to dist/ (what WeChat DevTools opens through project.config.json);
 * h5 writes to dist-h5/ so one build never wipes the other (served by the local cloud).
 */
export default defineConfig<'webpack5'>(async (merge) => {
  const isH5 = process.env.TARO_ENV === 'h5';
  // weapp only: the appid and cloud environment of a real release (config/release.ts).
  const release = isH5 ? { appid: '', cloudEnv: '' } : releaseSettings();
  if (!isH5) writeAppid(release.appid);
  // The contract lives outside src/ (the cloud functions import it too): compile it like src/.
  const compile = { include: [path.resolve(__dirname, '..', 'contract')] };
  const base: UserConfigExport<'webpack5'> = {
    projectName: 'zhigong-jia',
    date: '2026-11-24',
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: isH5 ? 'dist-h5' : 'dist',
    plugins: [],
    alias: {
      '@contract': path.resolve(__dirname, '..', 'contract'),
    },
    // CLOUD_ENV: '' on h5 and in development builds (the default environment).
    defineConstants: { CLOUD_ENV: JSON.stringify(release.cloudEnv) },
    copy: { patterns: isH5 ? [] : [{ from: 'src/sitemap.json', to: 'dist/sitemap.json' }], options: {} },
    framework: 'react',
    compiler: { type: 'webpack5', prebundle: { enable: false } },
    cache: { enable: false },
    mini: {
      compile,
      // Modules used only by subpackages stay out of the 2 MB main package.
      optimizeMainPackage: { enable: true },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false },
      },
    },
    h5: {
      compile,
      publicPath: '/',
      staticDirectory: 'static',
      output: { filename: 'js/[name].[contenthash:8].js', chunkFilename: 'js/[name].[contenthash:8].js' },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      // hash mode works on any static server and keeps deep links (QR codes) working.
      router: { mode: 'hash' },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false },
      },
    },
  };
  return merge({}, base, process.env.NODE_ENV === 'development' ? { mini: {}, h5: {} } : {});
});
