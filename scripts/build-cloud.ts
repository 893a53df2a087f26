/**
 * Builds every cloud function into cloudfunctions/<name>/, uploadable as it is:
 *   index.js      server/functions/<name>.ts with all shared code bundled in; wx-server-sdk external
 *   package.json  depends on the exact wx-server-sdk version pinned in the root package.json
 *   config.json   runtime, timeout and timer trigger from server/functions/deployment.ts, and the
 *                 openapi permissions the bundle needs: those of the Platform methods it calls
 *                 (openapiCalledBy; tests/unit/function-permissions.test.ts checks the rule)
 * The function list is the contract's, so a function cannot exist on one side only.
 */
import { build } from 'esbuild';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CONTRACT, type FunctionName } from '../contract';
import { DEPLOYMENT, RUNTIME } from '../server/functions/deployment';
import { OPENAPI_PERMISSIONS } from '../server/runtime/wechat-openapi';

const root = path.resolve(__dirname, '..');
const rootPackage = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
};
const SDK_VERSION = rootPackage.dependencies['wx-server-sdk'];

/**
 * The openapi permissions a bundled function needs: those of the Platform methods it calls
 * (`.method(`). esbuild keeps property names when it minifies and drops code nothing reaches, so
 * a call left in the bundle is one the function can make; the methods' definitions in
 * server/runtime/wechat-openapi.ts read `method(` without the dot.
 */
export function openapiCalledBy(bundle: string): string[] {
  return Object.entries(OPENAPI_PERMISSIONS)
    .filter(([method]) => new RegExp(`\\.${method}\\(`).test(bundle))
    .map(([, permission]) => permission)
    .sort();
}

export function functionNames(): FunctionName[] {
  return Object.keys(CONTRACT) as FunctionName[];
}

export async function buildFunction(name: FunctionName, outRoot = path.join(root, 'cloudfunctions')): Promise<void> {
  const outDir = path.join(outRoot, name);
  mkdirSync(outDir, { recursive: true });
  await build({
    entryPoints: [path.join(root, 'server', 'functions', `${name}.ts`)],
    outfile: path.join(outDir, 'index.js'),
    bundle: true,
    platform: 'node',
    target: RUNTIME.esbuildTarget,
    format: 'cjs',
    external: ['wx-server-sdk'],
    minify: true,
    legalComments: 'none',
    logLevel: 'warning',
  });
  const deployment = DEPLOYMENT[name];
  const pkg = {
    name,
    version: '1.0.0',
    private: true,
    main: 'index.js',
    description: `职工·家 cloud function "${name}" (built by npm run build:cloud; do not edit)`,
    dependencies: { 'wx-server-sdk': SDK_VERSION },
  };
  const config = {
    runtime: RUNTIME.wechat,
    timeout: deployment.timeout ?? 3,
    permissions: { openapi: openapiCalledBy(readFileSync(path.join(outDir, 'index.js'), 'utf8')) },
    ...(deployment.timer
      ? { triggers: [{ name: deployment.timer.name, type: 'timer', config: deployment.timer.cron }] }
      : {}),
  };
  writeFileSync(path.join(outDir, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
  writeFileSync(path.join(outDir, 'config.json'), `${JSON.stringify(config, null, 2)}\n`);
}

async function main(): Promise<void> {
  const started = Date.now();
  for (const name of functionNames()) await buildFunction(name);
  console.log(`built ${functionNames().length} cloud functions into cloudfunctions/ in ${Date.now() - started} ms`);
}

// Run as a script (tsx scripts/build-cloud.ts), not when imported by the tests or benchmarks.
if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(__filename)) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
