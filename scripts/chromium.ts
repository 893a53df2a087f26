/**
 * Finds Chromium for the browser tests, installing Debian's package when it is missing and we can
 * (root with apt-get). Never downloads a browser of its own: this machine reaches only the npm
 * registry and Debian's packages.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

export interface ChromiumStatus {
  ok: boolean;
  path?: string;
  message: string;
}

function found(): string | undefined {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  return CANDIDATES.find((p) => existsSync(p));
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasApt = (): boolean => spawnSync('sh', ['-c', 'command -v apt-get'], { encoding: 'utf8' }).status === 0;

/** Installs Debian packages when we are root with apt-get; false when we cannot. */
function aptInstall(packages: string[]): boolean {
  if (!isRoot || !hasApt()) return false;
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  spawnSync('apt-get', ['update', '-q'], { stdio: 'inherit', env });
  return spawnSync('apt-get', ['install', '-y', '-q', '--no-install-recommends', ...packages], { stdio: 'inherit', env }).status === 0;
}

/**
 * A Chinese font: without one every page renders its text as boxes, and the screenshots the test run
 * leaves for people to review (and the text-size measurements) are worthless. Checked on its own,
 * because a machine may have Chromium without the font.
 */
function hasChineseFont(): boolean {
  const fc = spawnSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' });
  return fc.status === 0 && fc.stdout.trim().length > 0;
}

export function ensureChromium(): ChromiumStatus {
  if (!hasChineseFont()) {
    console.log('fonts: no Chinese font, installing Debian package `fonts-noto-cjk` with apt-get…');
    if (!aptInstall(['fonts-noto-cjk'])) console.error('fonts: could not install fonts-noto-cjk; screenshots will show boxes for Chinese text.');
  }
  const existing = found();
  if (existing) return { ok: true, path: existing, message: `chromium: ${existing}` };
  console.log('chromium: not found, installing Debian package `chromium` with apt-get…');
  if (aptInstall(['chromium'])) {
    const installed = found();
    if (installed) return { ok: true, path: installed, message: `chromium: installed ${installed}` };
  }
  return {
    ok: false,
    message:
      'chromium: NOT FOUND. The browser tests need it. On Debian/Ubuntu run as root: ' +
      '`apt-get update && apt-get install -y chromium fonts-noto-cjk`, or set CHROMIUM_PATH to a Chromium/Chrome binary.',
  };
}
