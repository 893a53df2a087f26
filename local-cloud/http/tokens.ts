/**
 * Development sign-in tokens: `base64url(JSON claims).base64url(HMAC-SHA256)`, signed with a secret
 * generated on first start and kept in `<dataDir>/secret` (mode 600). The same secret derives the
 * admin key the cloud:exec / cloud:trigger commands use to reach a running server: whoever can
 * read the data folder may operate on it, nobody else.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export type DevRole = 'worker' | 'staff';

export interface TokenClaims {
  openid: string;
  role: DevRole;
  name: string;
  /** Issued at, ms since epoch. */
  iat: number;
}

export function loadOrCreateSecret(dataDir: string): Buffer {
  const file = path.join(dataDir, 'secret');
  if (fs.existsSync(file)) return Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'hex');
  const secret = randomBytes(32);
  fs.mkdirSync(dataDir, { recursive: true });
  fs.writeFileSync(file, secret.toString('hex'), { mode: 0o600 });
  return secret;
}

/** A stable development OPENID: the same role and name always sign in as the same user. */
export function devOpenid(role: DevRole, name: string): string {
  return `dev-${createHash('sha256').update(`${role}\n${name}`).digest('hex').slice(0, 24)}`;
}

const sign = (secret: Buffer, body: string) => createHmac('sha256', secret).update(body).digest('base64url');

export function issueToken(secret: Buffer, claims: TokenClaims): string {
  const body = Buffer.from(JSON.stringify(claims)).toString('base64url');
  return `${body}.${sign(secret, body)}`;
}

/** The claims of a token signed with this secret, or null for anything unsigned or altered. */
export function verifyToken(secret: Buffer, token: string): TokenClaims | null {
  const [body, signature, extra] = token.split('.');
  if (!body || !signature || extra !== undefined) return null;
  const expected = Buffer.from(sign(secret, body));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Partial<TokenClaims>;
    if (typeof claims.openid !== 'string' || (claims.role !== 'worker' && claims.role !== 'staff')) return null;
    return claims as TokenClaims;
  } catch {
    return null;
  }
}

export function adminKey(secret: Buffer): string {
  return createHmac('sha256', secret).update('local-cloud-admin').digest('hex');
}

export function isAdminKey(secret: Buffer, given: string | undefined): boolean {
  if (!given) return false;
  const expected = Buffer.from(adminKey(secret));
  const candidate = Buffer.from(given);
  return candidate.length === expected.length && timingSafeEqual(candidate, expected);
}
