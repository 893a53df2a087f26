/**
 * The audit log speaks a clerk's words: every staff/admin action has its words in the one label
 * table (a refused call of any of them is logged), the table names nothing else, and the reads
 * that reveal personal data are declared as reveals.
 */
import { CONTRACT } from '../../contract';
import { AUDIT_LABELS } from '../../contract/audit-labels';

const specs = Object.entries(CONTRACT).flatMap(([fn, actions]) =>
  Object.entries(actions as Record<string, { access: string; kind?: string }>).map(([action, spec]) => ({ key: `${fn}.${action}`, ...spec })),
);
const guarded = specs.filter((s) => s.access === 'staff' || s.access === 'admin');

describe('the audit labels', () => {
  it('give every staff/admin action words a clerk understands', () => {
    expect(guarded.length).toBeGreaterThan(40);
    const missing = guarded.map((s) => s.key).filter((key) => !AUDIT_LABELS[key]);
    expect(missing).toEqual([]);
  });

  it('name only staff/admin actions that exist, in Chinese with no code words', () => {
    const keys = new Set(guarded.map((s) => s.key));
    expect(Object.keys(AUDIT_LABELS).filter((key) => !keys.has(key))).toEqual([]);
    for (const [key, label] of Object.entries(AUDIT_LABELS)) {
      for (const words of [label.did, ...Object.values(label.byStatus ?? {})]) expect({ key, words }).toEqual({ key, words: expect.stringMatching(/^[\u4e00-\u9fff“”]+$/) });
    }
  });

  it('declare full phone numbers, files and documents as reveals, and the 工作台 as a read', () => {
    const kindOf = (key: string) => guarded.find((s) => s.key === key)?.kind ?? 'write';
    for (const key of ['rights.staffRevealPhone', 'aid.staffRevealPhone', 'exports.monthlyReport', 'exports.attendeesXlsx', 'aid.staffFile']) expect([key, kindOf(key)]).toEqual([key, 'reveal']);
    for (const key of ['staff.home', 'staff.audit', 'events.staffList', 'rights.staffConsultation']) expect([key, kindOf(key)]).toEqual([key, 'read']);
    for (const key of ['events.setStatus', 'staff.grant', 'aid.staffDecide']) expect([key, kindOf(key)]).toEqual([key, 'write']);
  });
});
