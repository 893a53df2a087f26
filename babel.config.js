// babel-preset-taro compiles the mini-program; under NODE_ENV=test it emits CommonJS for jest.
// Server and local-cloud TypeScript is compiled by the same preset in tests (it includes TypeScript).
module.exports = {
  presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5' }]],
};
