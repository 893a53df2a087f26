import type { Role } from '../../contract/account/model';
import type { Database } from '../db/database';

export type { Database };

/** Staff rights, read from the roles collection at the door of every staff action. */
export interface StaffRights {
  role: Exclude<Role, 'worker'>;
  /** For centre staff: the centres they act for (admins act for all). */
  centreIds: string[];
  /** Display name for the audit log. */
  name: string;
}

/**
 * WeChat's openapi as the domain sees it, implemented in server/runtime/wechat-openapi.ts (the only
 * file that calls cloud.openapi). Each method needs one permission in the function's config.json;
 * OPENAPI_PERMISSIONS there maps them, and the build grants a function exactly those its bundle calls.
 */
export interface Platform {
  /** Content security check (security.msgSecCheck v2): WeChat's suggestion for the text. */
  checkText(text: string, openid: string): Promise<'pass' | 'review' | 'risky'>;
  /**
   * subscribeMessage.send: `data` maps field keys (thing1...) to values already inside WeChat's
   * limits. Resolves with WeChat's errCode (0 = sent; 43101 = the user has no grant left); never throws.
   */
  sendSubscribeMessage(message: { touser: string; templateId: string; page: string; data: Record<string, string> }): Promise<number>;
  /** wxacode.getUnlimited: the PNG of a mini-program code for `page` (no leading '/') with `scene`. */
  wxacodeUnlimited(scene: string, page: string): Promise<Buffer>;
}

/** Everything a domain handler receives besides its input. No Taro, no HTTP, no globals. */
export interface HandlerContext {
  db: Database;
  /** The caller's OPENID from the platform; empty only on public actions called from outside WeChat. */
  openid: string;
  /** Present on staff and admin actions (checked at the door); absent otherwise. */
  staff?: StaffRights;
  now: Date;
  platform: Platform;
  /**
   * On staff/admin actions: notes for the call's audit record (server/runtime/audit.ts), e.g.
   * `ctx.audit?.note({ fullPhones: true })`. The record itself is written at the door.
   */
  audit?: { note(detail: Record<string, string | number | boolean>): void };
}
