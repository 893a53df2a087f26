/**
 * One jest run, several projects (npm test runs them all through scripts/test.ts):
 *   unit           pure domain and client logic (node, or jsdom for components)
 *   cloud          the product's cloud functions through the local cloud (real wx-server-sdk)
 *   fidelity       the local cloud's database against WeChat's documented behaviour
 *   cloud-runtime  the local cloud's instances, HTTP, openapi stand-ins, timers
 *   e2e            the H5 build in real headless Chromium
 *   authz          every staff/admin action refused to the wrong caller; forged OPENIDs ignored
 *   property       random and hostile input at every action (fast-check); invariants afterwards
 *   crash          SIGKILL of a local cloud mid sign-up storm; nothing acknowledged is lost
 * Server-side TypeScript is compiled for the running Node; client code with babel-preset-taro.
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
    {
      displayName: 'unit-ui',
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/tests/unit/**/*.test.tsx'],
      moduleNameMapper: {
        '^@contract/(.*)$': '<rootDir>/contract/$1',
        '^@tarojs/components$': '<rootDir>/tests/support/taro-components.tsx',
        '^@tarojs/taro$': '<rootDir>/tests/support/taro.ts',
        '\\.(s?css)$': '<rootDir>/tests/support/style.ts',
      },
      transform: { '\\.[jt]sx?$': ['babel-jest', { configFile: './babel.config.js' }] },
    },
    nodeProject('cloud'),
    nodeProject('fidelity'),
    nodeProject('cloud-runtime'),
    nodeProject('e2e'),
    // issue 6: every action against the door, hostile input and a crash (docs/staff.md)
    nodeProject('authz'),
    nodeProject('property'),
    nodeProject('crash'),
  ],
};
