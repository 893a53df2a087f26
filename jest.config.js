/**
 * One jest run, several projects (npm test runs them all through scripts/test.ts):
 *   unit           pure logic: slots, search, lottery, deadlines, time (no server)
 *   cloud          the product's cloud functions through the local cloud (real wx-server-sdk)
 *   fidelity       the local cloud's database against WeChat's documented behaviour
 *   cloud-runtime  the local cloud's instances, HTTP, openapi stand-ins, timers
 *   e2e            the H5 build in real headless Chromium
 *   weapp          the real weapp build (dist/) rendered by WeChat's template compiler and
 *                  j-component under jsdom, wx.cloud going to a local cloud (docs/testing.md)
 *   authz          every staff/admin action refused to the wrong caller; forged OPENIDs ignored
 *   property       random and hostile input at every action (fast-check); invariants afterwards
 *   crash          SIGKILL of a local cloud mid sign-up storm; nothing acknowledged is lost
 *   release        the weapp build in dist/ as WeChat judges it (miniprogram-ci's offline checks)
 *   adversarial    issue 10's attacks over HTTP: hostile bodies, forged timers, malformed requests
 * TypeScript is compiled for the running Node. The pages are tested as built — the H5 build in the
 * browser (e2e), the weapp build in WeChat's own renderer (weapp) — never against stand-ins for
 * Taro. docs/testing.md describes the layers.
 */
const nodeTransform = {
  '\\.[jt]sx?$': [
    'babel-jest',
    {
      configFile: false,
      babelrc: false,
      presets: [['@babel/preset-env', { targets: { node: 'current' } }], '@babel/preset-typescript'],
    },
  ],
};

const nodeProject = (name, extra = {}) => ({
  displayName: name,
  testEnvironment: 'node',
  testMatch: [`<rootDir>/tests/${name}/**/*.test.ts`],
  transform: nodeTransform,
  ...extra,
});

module.exports = {
  projects: [
    nodeProject('unit'),
    nodeProject('cloud'),
    nodeProject('fidelity'),
    nodeProject('cloud-runtime'),
    nodeProject('e2e'),
    // issue 6: every action against the door, hostile input and a crash (docs/staff.md)
    nodeProject('authz'),
    nodeProject('property'),
    nodeProject('crash'),
    nodeProject('release'),
    // dist/ is WeChat's code, loaded untouched: never transformed.
    nodeProject('weapp', {
      testEnvironment: '<rootDir>/tests/weapp/support/environment.js',
      // the local cloud (mingo, wx-server-sdk) is Node code: resolve packages as Node does, not as a browser
      testEnvironmentOptions: { customExportConditions: ['node', 'require'] },
      transformIgnorePatterns: ['/node_modules/', '<rootDir>/dist/'],
      // tests take page paths from src/routes.ts; the pages run dist's own Taro, never this one
      moduleNameMapper: { '^@tarojs/taro$': '<rootDir>/tests/weapp/support/taro-absent.js' },
    }),
    nodeProject('adversarial'),
  ],
};
