import { currentCampaign, getPoint, listCampaigns, qrCode, saveCampaign, stats } from '../domain/station/campaigns';
import { tap } from '../domain/station/taps';
import { createEntry } from '../runtime/entry';

export const main = createEntry('station', {
  handlers: {
    current: currentCampaign,
    point: getPoint,
    tap,
    staffCampaigns: listCampaigns,
    staffSaveCampaign: saveCampaign,
    staffQrCode: qrCode,
    staffStats: stats,
  },
});
