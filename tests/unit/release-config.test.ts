/** config/release.ts: the appid and cloud environment of a release build, refused when missing or malformed. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { releaseSettings, TOURIST_APPID, writeAppid } from '../../config/release';

const quiet = () => jest.spyOn(console, 'warn').mockImplementation(() => undefined);

test('a release build refuses to start without both settings, or with malformed ones', () => {
  expect(() => releaseSettings({ ZGJ_RELEASE: '1' })).toThrow(/ZGJ_APPID is not set; ZGJ_CLOUD_ENV is not set/);
  expect(() => releaseSettings({ ZGJ_RELEASE: '1', ZGJ_APPID: 'wx0123456789abcdef' })).toThrow(/ZGJ_CLOUD_ENV is not set/);
  expect(() => releaseSettings({ ZGJ_RELEASE: '1', ZGJ_APPID: 'touristappid', ZGJ_CLOUD_ENV: 'prod-1a2b' })).toThrow(/not an appid/);
  expect(releaseSettings({ ZGJ_RELEASE: '1', ZGJ_APPID: 'wx0123456789abcdef', ZGJ_CLOUD_ENV: 'zgj-prod-1a2b' })).toEqual({
    appid: 'wx0123456789abcdef',
    cloudEnv: 'zgj-prod-1a2b',
  });
});

test('any other build warns and falls back to the tourist appid and the default environment', () => {
  const warn = quiet();
  expect(releaseSettings({})).toEqual({ appid: TOURIST_APPID, cloudEnv: '' });
  expect(String(warn.mock.calls[0][0])).toMatch(/NOT a release build/);
  warn.mockRestore();
});

test('the appid is written into project.config.json, the rest of the file kept', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'zgj-pc-'));
  const file = path.join(dir, 'project.config.json');
  writeFileSync(file, JSON.stringify({ appid: TOURIST_APPID, setting: { minified: true } }));
  writeAppid('wx0123456789abcdef', file);
  expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ appid: 'wx0123456789abcdef', setting: { minified: true } });
  rmSync(dir, { recursive: true, force: true });
});
