import { attendeesXlsx } from '../domain/events/export';
import { monthlyReport } from '../domain/staff/report';
import { createEntry } from '../runtime/entry';

/** Staff files. Kept apart from `events` so exceljs never slows a worker's sign-up (cold start). */
export const main = createEntry('exports', {
  handlers: { attendeesXlsx, monthlyReport },
});
