/**
 * jsdom for the weapp pages, with Node's own binary and timer classes for the local cloud that runs
 * in the same test (esbuild, wx-server-sdk and worker threads check `Buffer.from('') instanceof
 * Uint8Array`, which jsdom's separate realm breaks).
 */
const JsdomEnvironment = require('jest-environment-jsdom').TestEnvironment;

class WeappEnvironment extends JsdomEnvironment {
  constructor(config, context) {
    super(config, context);
    for (const name of ['Uint8Array', 'ArrayBuffer', 'TextEncoder', 'TextDecoder', 'setImmediate', 'clearImmediate', 'structuredClone', 'MessageChannel']) {
      this.global[name] = globalThis[name];
    }
  }
}

module.exports = WeappEnvironment;
