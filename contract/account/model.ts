/** The caller's account as the server sees it (zod-free; imported by the client). */

export const ROLE_LABELS = {
  worker: '职工',
  centre_staff: '服务中心工作人员',
  admin: '工会管理员',
} as const;

export type Role = keyof typeof ROLE_LABELS;

/** Limits written once, used by the schema and shown by the forms. */
export const NICKNAME_MAX = 20;

export interface Me {
  signedIn: boolean;
  /** The OPENID with its middle hidden: enough to tell accounts apart on screen. */
  maskedOpenid: string | null;
  nickname: string | null;
  role: Role;
  centreIds: string[];
}

/** The words a worker types to delete their data (我的数据); the server refuses anything else. */
export const DELETE_MY_DATA_PHRASE = '删除我的数据';
