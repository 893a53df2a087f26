import { isLogged, targetOf } from '../../server/runtime/audit';
import { monthsOf } from '../../server/domain/staff/figures';
import { maskPhone } from '../../contract/privacy';
import { parseBootstrap } from '../../server/domain/staff/roles';

describe('the audit policy', () => {
  it('logs every write and reveal, and a read only when it was refused', () => {
    expect(['ok', 'BAD_INPUT', 'FORBIDDEN'].map((o) => isLogged('write', o as never))).toEqual([true, true, true]);
    expect(['ok', 'BAD_INPUT', 'NOT_YOUR_CENTRE'].map((o) => isLogged('reveal', o as never))).toEqual([true, true, true]);
    expect(isLogged(undefined, 'ok')).toBe(true); // an action that does not say is a write
    expect(['ok', 'BAD_INPUT', 'NOT_SIGNED_IN', 'FORBIDDEN', 'NOT_YOUR_CENTRE'].map((o) => isLogged('read', o as never))).toEqual([false, false, true, true, true]);
  });

  it('keeps only plain id-like strings from an input, clipped, codes shortened', () => {
    expect(targetOf({ eventId: 'ev-1', draft: { slug: 'a', venue: { centreId: 'deep' } }, name: '张三', code: 'ABCDEFGH' })).toEqual({ eventId: 'ev-1', draft_slug: 'a', code: 'ABCD…' });
    expect(targetOf({ eventId: { $gt: '' }, id: 'x'.repeat(100), ['$where']: '1', 'a.b': 'x' })).toEqual({ id: `${'x'.repeat(64)}…` });
    expect(targetOf(JSON.parse('{"__proto__": {"id": "p"}, "centreIds": ["a", "b"]}'))).toEqual({ centreIds: 'a,b' });
    expect(targetOf('not an object')).toEqual({});
    expect(targetOf(null)).toEqual({});
  });
});

describe('figures and privacy helpers', () => {
  it('lists the Shanghai months of a range', () => {
    expect(monthsOf({ from: '2024-11-15', to: '2025-02-01' })).toEqual(['2024-11', '2024-12', '2025-01', '2025-02']);
    expect(monthsOf({ from: '2024-01-01', to: '2024-01-31' })).toEqual(['2024-01']);
  });

  it('masks phones one way everywhere', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('0757-86661234')).toBe('****1234');
    expect(maskPhone('')).toBe('');
    expect(maskPhone(undefined)).toBe('');
  });

  it('reads BOOTSTRAP_ADMIN_OPENIDS leniently, keeping only OPENID-shaped values', () => {
    expect(parseBootstrap(' oAbc123456, oDef789012  bad! ')).toEqual(['oAbc123456', 'oDef789012']);
    expect(parseBootstrap(undefined)).toEqual([]);
  });
});
