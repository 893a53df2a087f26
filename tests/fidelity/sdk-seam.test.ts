/**
 * The seam: the one function of @cloudbase/node-sdk that every wx-server-sdk request goes through.
 * If an SDK upgrade moves it, these tests (and installSdkSeam itself) fail loudly instead of letting
 * requests reach the real network.
 */
import * as dns from 'node:dns';
import * as net from 'node:net';
import * as path from 'node:path';
import { METADATA_MODULE, REQUESTER_MODULE, SEAM_VERSIONS, checkSeam } from '../../local-cloud/sdk-seam';
import { LocalCloud, startLocalCloud } from './support/local-cloud';
import { rejection } from './support/rejection';

const attempts: string[] = [];
const realConnect = net.Socket.prototype.connect;
const realLookup = dns.lookup;
let harness: LocalCloud;

beforeAll(async () => {
  // Any TCP connection or DNS lookup from here on is a leak to the network: record and refuse it.
  (net.Socket.prototype as any).connect = function refuse(this: net.Socket, ...args: unknown[]) {
    attempts.push(`connect ${JSON.stringify(args[0])}`);
    throw new Error('fidelity test: network connection attempted');
  };
  (dns as any).lookup = (host: string, ...rest: unknown[]) => {
    attempts.push(`lookup ${host}`);
    const callback = rest[rest.length - 1] as (error: Error) => void;
    callback(new Error('fidelity test: DNS lookup attempted'));
  };
  harness = await startLocalCloud();
});

afterAll(async () => {
  net.Socket.prototype.connect = realConnect;
  (dns as any).lookup = realLookup;
  await harness.close();
});

// The global `require` is typed as the mini-program's; at runtime it is jest's Node-style one.
const nodeRequire = require as unknown as NodeJS.Require;
const sdkDir = path.dirname(nodeRequire.resolve('wx-server-sdk/package.json'));
const requester = () => nodeRequire(nodeRequire.resolve(REQUESTER_MODULE, { paths: [sdkDir] }));
const metadata = () => nodeRequire(nodeRequire.resolve(METADATA_MODULE, { paths: [sdkDir] }));

test('the seam is the exported `request` of the node-sdk that wx-server-sdk itself loads, and it is replaced', () => {
  expect(require('wx-server-sdk/package.json').version).toBe(SEAM_VERSIONS['wx-server-sdk']);
  expect(nodeRequire(nodeRequire.resolve('@cloudbase/node-sdk/package.json', { paths: [sdkDir] })).version).toBe(
    SEAM_VERSIONS['@cloudbase/node-sdk'],
  );
  expect(requester().request.name).toBe('localCloudRequest');
  expect(typeof requester().TcbApiHttpRequester).toBe('function');
});

test("cloud.init()'s Tencent-Cloud probe (metadata.tencentyun.com) is answered locally", async () => {
  expect(metadata().lookupAppId.name).toBe('localCloudAppId');
  harness.cloud.init({ env: 'local' });
  await new Promise((resolve) => setTimeout(resolve, 100));
  expect(attempts).toEqual([]);
});

test('every kind of database request is answered locally: no socket, no DNS lookup', async () => {
  const { db } = harness;
  const _ = db.command;
  const { _id } = await db.collection('items').add({ data: { kind: 'a', n: 1 } });
  await db.collection('items').doc(_id).get();
  await db.collection('items').where({ kind: 'a' }).update({ data: { n: _.inc(1) } });
  await db.collection('items').where({ kind: 'a' }).count();
  await db.collection('items').aggregate().match({ kind: 'a' }).end();
  await db.runTransaction(async (t: any) => {
    await t.collection('items').doc(_id).update({ data: { n: 5 } });
  });
  await db.collection('items').doc(_id).remove();
  expect(attempts).toEqual([]);
  expect(harness.local.stats().requests).toBeGreaterThanOrEqual(8);
});

test('a non-database request (callFunction) also reaches the seam, never the network', async () => {
  // The database answers INVALID_PARAM for actions it does not own; the runtime routes those elsewhere.
  const error = await rejection(harness.cloud.callFunction({ name: 'x', data: {} }));
  expect(String(error.errMsg ?? error.message)).toMatch(/does not answer action functions\.invokeFunction/);
  expect(attempts).toEqual([]);
});

describe('checkSeam refuses a moved seam with an explanation', () => {
  const good = () => ({
    versions: { ...SEAM_VERSIONS },
    requester: { request: () => undefined, TcbApiHttpRequester: class {} },
    metadata: { lookupAppId: () => undefined },
    utils: { processReturn: () => undefined },
  });

  test('the real modules pass', () => {
    expect(() => checkSeam(good())).not.toThrow();
  });

  test('another SDK version', () => {
    const found = good();
    found.versions['wx-server-sdk'] = '4.0.3' as any;
    expect(() => checkSeam(found)).toThrow(/seam has moved — wx-server-sdk is 4\.0\.3.*update local-cloud\/sdk-seam\.ts/);
  });

  test('request no longer exported', () => {
    const found: any = good();
    delete found.requester.request;
    expect(() => checkSeam(found)).toThrow(/no longer exports a replaceable function `request`/);
  });

  test('the metadata probe no longer where it was', () => {
    const found: any = good();
    delete found.metadata.lookupAppId;
    expect(() => checkSeam(found)).toThrow(/metadata no longer exports a replaceable function `lookupAppId`/);
  });

  test('request exported read-only (cannot be replaced)', () => {
    const found: any = good();
    Object.defineProperty(found.requester, 'request', { value: () => undefined, writable: false });
    expect(() => checkSeam(found)).toThrow(/seam has moved/);
  });
});
