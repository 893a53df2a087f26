/**
 * The seam between the real wx-server-sdk and the local cloud.
 *
 * Every request wx-server-sdk makes (database, cloud functions, openapi, storage) goes through one
 * function of its bundled @cloudbase/node-sdk: `request(args)` exported by
 * dist/utils/tcbapirequester.js, which signs the request and sends it over HTTPS. Its callers read
 * it from the module's exports object at call time (`tcbapicaller.request(...)`), so replacing that
 * export in this thread's module cache sends every request to `answer` instead — and everything
 * above it (query building, EJSON, limits, return shapes, error mapping) stays the real SDK.
 *
 * The replacement keeps the original's one post-processing step: an answer carrying `code` goes
 * through the SDK's own `processReturn`, which throws it as a TcbError (as the original does).
 *
 * One more network call exists outside `request`: every `cloud.init()` (node-sdk CloudBase.init)
 * fires `preflightRuntimeCloudPlatform()`, an unawaited GET to http://metadata.tencentyun.com
 * (`lookupAppId` in dist/utils/metadata.js) to learn whether it runs on Tencent Cloud. The seam
 * answers that "no" locally, so install it before the function code calls `cloud.init()`.
 *
 * If the SDK is upgraded and the seam is no longer where it was, installSdkSeam throws rather than
 * letting requests leak to the real network (which, without credentials, also kills Node with an
 * unhandled rejection).
 */
import * as path from 'node:path';

/** The versions whose source this seam was read from (package.json pins wx-server-sdk exactly). */
export const SEAM_VERSIONS = { 'wx-server-sdk': '4.0.2', '@cloudbase/node-sdk': '3.17.2' } as const;

export const REQUESTER_MODULE = '@cloudbase/node-sdk/dist/utils/tcbapirequester';
export const METADATA_MODULE = '@cloudbase/node-sdk/dist/utils/metadata';
const UTILS_MODULE = '@cloudbase/node-sdk/dist/utils/utils';

export type SeamAnswer = (args: { params: Record<string, unknown>; config?: unknown }) => Promise<unknown>;

/** What installSdkSeam finds in node_modules, checked by `checkSeam` before anything is replaced. */
export interface SeamModules {
  versions: { 'wx-server-sdk': unknown; '@cloudbase/node-sdk': unknown };
  requester: Record<string, unknown>;
  metadata: Record<string, unknown>;
  utils: Record<string, unknown>;
}

// Jest's and tsx's `require` both implement Node's; the global type here is the mini-program one.
const nodeRequire = require as unknown as NodeJS.Require;

function seamMoved(detail: string): Error {
  return new Error(
    `local cloud: the wx-server-sdk seam has moved — ${detail}. ` +
      `The local cloud answers the SDK by replacing \`request\` exported by ${REQUESTER_MODULE}.js ` +
      `(wx-server-sdk ${SEAM_VERSIONS['wx-server-sdk']} bundling @cloudbase/node-sdk ${SEAM_VERSIONS['@cloudbase/node-sdk']}). ` +
      'Without it requests would go to the real cloud. Re-read the SDK source, update local-cloud/sdk-seam.ts ' +
      'and SEAM_VERSIONS, and run tests/fidelity (see docs/local-database.md).',
  );
}

/** Throws the loud explanation if the modules are not the ones the seam was written against. */
export function checkSeam(found: SeamModules): void {
  for (const [name, expected] of Object.entries(SEAM_VERSIONS)) {
    const actual = found.versions[name as keyof typeof SEAM_VERSIONS];
    if (actual !== expected) throw seamMoved(`${name} is ${String(actual)}, the seam was verified on ${expected}`);
  }
  const replaceable: [Record<string, unknown>, string, string][] = [
    [found.requester, REQUESTER_MODULE, 'request'],
    [found.metadata, METADATA_MODULE, 'lookupAppId'],
  ];
  for (const [exports, moduleId, name] of replaceable) {
    const descriptor = Object.getOwnPropertyDescriptor(exports, name);
    if (!descriptor || typeof descriptor.value !== 'function' || !descriptor.writable) {
      throw seamMoved(`${moduleId} no longer exports a replaceable function \`${name}\``);
    }
  }
  if (typeof found.requester.TcbApiHttpRequester !== 'function') {
    throw seamMoved(`${REQUESTER_MODULE} no longer defines TcbApiHttpRequester (the transport the seam replaces)`);
  }
  if (typeof found.utils.processReturn !== 'function') {
    throw seamMoved(`${UTILS_MODULE} no longer exports processReturn`);
  }
}

/** Load the node-sdk that wx-server-sdk itself requires (resolved from wx-server-sdk's folder). */
function loadSeamModules(): SeamModules {
  const sdkDir = path.dirname(nodeRequire.resolve('wx-server-sdk/package.json'));
  const fromSdk = (id: string): string => nodeRequire.resolve(id, { paths: [sdkDir] });
  let requesterPath: string;
  try {
    requesterPath = fromSdk(REQUESTER_MODULE);
  } catch {
    throw seamMoved(`${REQUESTER_MODULE} cannot be resolved from ${sdkDir}`);
  }
  return {
    versions: {
      'wx-server-sdk': (nodeRequire(path.join(sdkDir, 'package.json')) as { version?: unknown }).version,
      '@cloudbase/node-sdk': (nodeRequire(fromSdk('@cloudbase/node-sdk/package.json')) as { version?: unknown }).version,
    },
    requester: nodeRequire(requesterPath) as Record<string, unknown>,
    metadata: nodeRequire(fromSdk(METADATA_MODULE)) as Record<string, unknown>,
    utils: nodeRequire(fromSdk(UTILS_MODULE)) as Record<string, unknown>,
  };
}

/**
 * Replace the one function all wx-server-sdk requests go through (@cloudbase/node-sdk
 * dist/utils/tcbapirequester `request`) in THIS thread's module cache. `answer` receives the same
 * args the SDK passes (args.params.action etc.). Throws a loud, explanatory Error if the seam is not
 * where it is expected (SDK version moved).
 */
export function installSdkSeam(answer: SeamAnswer): void {
  const modules = loadSeamModules();
  checkSeam(modules);
  const processReturn = modules.utils.processReturn as (result: unknown) => unknown;
  // '' is what lookupAppId returns off Tencent Cloud (after its network probe fails).
  modules.metadata.lookupAppId = async function localCloudAppId(): Promise<string> {
    return '';
  };
  modules.requester.request = async function localCloudRequest(args: {
    params: Record<string, unknown>;
    config?: unknown;
  }): Promise<unknown> {
    const result = await answer({ params: args.params, config: args.config });
    // The original's last step: an answer with a code is thrown as the SDK's TcbError.
    if (result !== null && typeof result === 'object' && (result as { code?: unknown }).code) return processReturn(result);
    return result;
  };
}
