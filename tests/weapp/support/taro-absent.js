/**
 * What `@tarojs/taro` resolves to in the weapp tests' own code: they import page paths from
 * src/routes.ts, which imports Taro for its navigation helpers. The pages under test run the Taro
 * bundled in dist/ (loaded by plain require, not through this mapping); tests must never call
 * Taro themselves, so any use fails loudly.
 */
module.exports = new Proxy(
  {},
  {
    get(_target, key) {
      if (key === '__esModule') return true;
      throw new Error(`tests/weapp used Taro.${String(key)}: drive the pages through the harness instead`);
    },
  },
);
