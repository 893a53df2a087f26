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

export function ensureChromium(): ChromiumStatus {
  const existing = found();
  if (existing) return { ok: true, path: existing, message: `chromium: ${existing}` };
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { encoding: 'utf8' }).status === 0;
  if (isRoot && hasApt) {
    console.log('chromium: not found, installing Debian package `chromium` with apt-get…');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    spawnSync('apt-get', ['update', '-q'], { stdio: 'inherit', env });
    spawnSync('apt-get', ['install', '-y', '-q', '--no-install-recommends', 'chromium', 'fonts-noto-cjk'], {
      stdio: 'inherit',
      env,
    });
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
