import { addDocuments, apply, getApplication, myApplications, ownFile, uploadSlot } from '../domain/aid/applications';
import { staffAccept, staffApplication, staffAskMore, staffDecide, staffFile, staffQueue, staffRevealPhone } from '../domain/aid/staff';
import { acknowledgeAlert, staffAlerts } from '../domain/aid/wage-alerts';
import { createEntry } from '../runtime/entry';

export const main = createEntry('aid', {
  handlers: {
    apply,
    mine: myApplications,
    application: getApplication,
    uploadSlot,
    addDocuments,
    file: ownFile,
    staffQueue,
    staffApplication,
    staffRevealPhone,
    staffFile,
    staffAccept,
    staffAskMore,
    staffDecide,
    staffAlerts,
    staffAcknowledgeAlert: acknowledgeAlert,
  },
});
