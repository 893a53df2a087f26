/**
 * The two settings a real WeChat build needs, read once from the environment:
 *   ZGJ_APPID      the union's mini-program appid (wx + 16 hex): written into project.config.json,
 *                  which WeChat DevTools and miniprogram-ci read (Taro copies it into dist/)
 *   ZGJ_CLOUD_ENV  the cloud environment id: compiled into Taro.cloud.init({ env }) (src/app.tsx);
 *                  without it the phone calls the account's default environment
 * A release build (`npm run release:weapp`, ZGJ_RELEASE=1) refuses to start without both; any other
 * weapp build (tests, bench, DevTools previews) warns and uses the tourist appid and the default
 * environment. docs/deploying.md.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const PROJECT_CONFIG = path.resolve(__dirname, '..', 'project.config.json');
export const TOURIST_APPID = 'touristappid';
const APPID = /^wx[0-9a-f]{16}$/;
const ENV_ID = /^[a-z][a-z0-9-]{3,39}$/;

export interface ReleaseSettings {
  appid: string;
  /** '' = the default environment (development builds only). */
  cloudEnv: string;
}

/** Reads and checks the settings; throws (a release) or warns (anything else) when they are missing. */
export function releaseSettings(env: NodeJS.ProcessEnv = process.env): ReleaseSettings {
  const appid = env.ZGJ_APPID?.trim() ?? '';
  const cloudEnv = env.ZGJ_CLOUD_ENV?.trim() ?? '';
  const problems = [
    ...(appid && !APPID.test(appid) ? [`ZGJ_APPID "${appid}" is not an appid (wx + 16 hex characters)`] : []),
    ...(cloudEnv && !ENV_ID.test(cloudEnv) ? [`ZGJ_CLOUD_ENV "${cloudEnv}" is not a cloud environment id`] : []),
    ...(!appid ? ['ZGJ_APPID is not set'] : []),
    ...(!cloudEnv ? ['ZGJ_CLOUD_ENV is not set'] : []),
  ];
  if (problems.length > 0) {
    const message = `${problems.join('; ')} (docs/deploying.md)`;
    if (env.ZGJ_RELEASE === '1') throw new Error(`release build refused: ${message}`);
    console.warn(`\n[weapp] NOT a release build: ${message}. Using the tourist appid and the default cloud environment.\n`);
  }
  return {
    appid: appid && APPID.test(appid) ? appid : TOURIST_APPID,
    cloudEnv: cloudEnv && ENV_ID.test(cloudEnv) ? cloudEnv : '',
  };
}

/** Writes the appid into project.config.json when it differs (one file for DevTools and miniprogram-ci). */
export function writeAppid(appid: string, file = PROJECT_CONFIG): void {
  const text = readFileSync(file, 'utf8');
  const config = JSON.parse(text) as { appid: string };
  if (config.appid === appid) return;
  writeFileSync(file, `${JSON.stringify({ ...config, appid }, null, 2)}\n`);
}
