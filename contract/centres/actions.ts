import * as z from 'zod';
import { action } from '../define';
import type { Centre, CentreSummary } from './model';

/** Function `centres`: the service centres (bookings and 便民日 join here later). */
export const centres = {
  list: action<CentreSummary[]>()({ input: z.strictObject({}), access: 'public' }),
  get: action<Centre & { openNow: boolean }>()({
    input: z.strictObject({ id: z.string().trim().min(1).max(64) }),
    access: 'public',
  }),
};
