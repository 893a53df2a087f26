// Fidelity tests of the local cloud's database: the real wx-server-sdk against local-cloud/database.
// Self-contained (inline babel config) so they do not depend on the mini-program's babel setup.
// Run: TZ=UTC npx jest -c tests/fidelity/jest.config.js
const path = require('node:path');

module.exports = {
  rootDir: path.resolve(__dirname, '../..'),
  roots: ['<rootDir>/tests/fidelity'],
  testMatch: ['**/*.test.ts'],
  testEnvironment: 'node',
  transform: {
    '\\.ts$': [
      'babel-jest',
      {
        babelrc: false,
        configFile: false,
        presets: [['@babel/preset-env', { targets: { node: 'current' } }], '@babel/preset-typescript'],
      },
    ],
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
  testTimeout: 30000,
};
