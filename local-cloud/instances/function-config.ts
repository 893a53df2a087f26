/**
 * Where a cloud function lives and what its config.json declares: the timeout (seconds, default 3
 * as in the cloud), its timer trigger(s) and the openapi it may call (`permissions.openapi`).
 */
import fs from 'node:fs';
import path from 'node:path';

export interface TimerTrigger {
  name: string;
  /** 7 fields: second minute hour day month weekday year, evaluated in UTC+8. */
  cron: string;
}

export interface FunctionSpec {
  name: string;
  modulePath: string;
  timeoutMs: number;
  memoryMb: number;
  triggers: TimerTrigger[];
  openapi: string[];
}

const DEFAULT_TIMEOUT_S = 3;
const DEFAULT_MEMORY_MB = 256;
const NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,59}$/;

interface RawConfig {
  timeout?: unknown;
  memorySize?: unknown;
  triggers?: Array<{ name?: unknown; type?: unknown; config?: unknown }>;
  permissions?: { openapi?: unknown };
}

/** Reads `<functionsDir>/<name>`; null when there is no such function. */
export function readFunctionSpec(functionsDir: string, name: string): FunctionSpec | null {
  if (!NAME_PATTERN.test(name)) return null;
  const dir = path.join(functionsDir, name);
  const modulePath = path.join(dir, 'index.js');
  if (!fs.existsSync(modulePath)) return null;
  const configPath = path.join(dir, 'config.json');
  const raw: RawConfig = fs.existsSync(configPath) ? JSON.parse(fs.readFileSync(configPath, 'utf8')) : {};
  const timeoutS = typeof raw.timeout === 'number' && raw.timeout > 0 ? raw.timeout : DEFAULT_TIMEOUT_S;
  const memoryMb = typeof raw.memorySize === 'number' ? raw.memorySize : DEFAULT_MEMORY_MB;
  const triggers = (raw.triggers ?? [])
    .filter((t) => t.type === 'timer' && typeof t.config === 'string')
    .map((t) => ({ name: typeof t.name === 'string' ? t.name : 'timer', cron: t.config as string }));
  const openapi = Array.isArray(raw.permissions?.openapi)
    ? raw.permissions.openapi.filter((x): x is string => typeof x === 'string')
    : [];
  return { name, modulePath, timeoutMs: timeoutS * 1000, memoryMb, triggers, openapi };
}

/** Every function folder under functionsDir that has an index.js. */
export function listFunctions(functionsDir: string): FunctionSpec[] {
  if (!fs.existsSync(functionsDir)) return [];
  return fs
    .readdirSync(functionsDir)
    .sort()
    .map((name) => readFunctionSpec(functionsDir, name))
    .filter((spec): spec is FunctionSpec => spec !== null);
}
