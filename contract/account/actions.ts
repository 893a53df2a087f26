import * as z from 'zod';
import { action } from '../define';
import type { DeleteReport, MyData } from '../staff/model';
import { DELETE_MY_DATA_PHRASE, NICKNAME_MAX, type Me } from './model';

/** Function `account`: who the caller is, and what they hold (我的). */
export const account = {
  me: action<Me>()({ input: z.strictObject({}), access: 'public' }),
  setNickname: action<Me>()({
    input: z.strictObject({ nickname: z.string().trim().min(1).max(NICKNAME_MAX).describe('称呼') }),
    access: 'worker',
  }),
  /** 我的数据: everything the union holds about the caller (docs/privacy.md). */
  myData: action<MyData>()({ input: z.strictObject({}), access: 'worker' }),
  /**
   * Deletes the caller's data: future sign-ups and bookings cancelled through their areas' own
   * cancel (seats freed), past ones kept for the figures without name, phone or account.
   */
  deleteMyData: action<DeleteReport>()({ input: z.strictObject({ confirm: z.literal(DELETE_MY_DATA_PHRASE).describe('确认的话') }), access: 'worker' }),
};
