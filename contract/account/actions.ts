import * as z from 'zod';
import { action } from '../define';
import { NICKNAME_MAX, type Me } from './model';

/** Function `account`: who the caller is, and what they hold (我的). */
export const account = {
  me: action<Me>()({ input: z.strictObject({}), access: 'public' }),
  setNickname: action<Me>()({
    input: z.strictObject({ nickname: z.string().trim().min(1).max(NICKNAME_MAX) }),
    access: 'worker',
  }),
};
