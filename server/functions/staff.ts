import { auditPage } from '../domain/staff/audit';
import { unionFigures } from '../domain/staff/figures';
import { grantRole, inviteCode, listStaff, parseBootstrap, revokeRole, staffHome } from '../domain/staff/roles';
import { privacySweep } from '../domain/staff/sweep';
import { createEntry } from '../runtime/entry';

/**
 * BOOTSTRAP_ADMIN_OPENIDS (an environment variable of this function in the WeChat console): the
 * OPENIDs that may become the first admin, honoured only while no admin exists (docs/operations.md).
 * Read per call, so a change in the console needs no redeploy of the code.
 */
const bootstrap = () => parseBootstrap(process.env.BOOTSTRAP_ADMIN_OPENIDS);

export const main = createEntry('staff', {
  handlers: {
    home: staffHome,
    inviteCode: (ctx) => inviteCode(ctx, bootstrap()),
    list: listStaff,
    grant: grantRole,
    revoke: revokeRole,
    audit: auditPage,
    figures: unionFigures,
  },
  timers: { privacySweep },
});
