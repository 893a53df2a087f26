import { currentCampaign, getPoint, listCampaigns, qrCode, saveCampaign, stats } from '../domain/station/campaigns';
import { settleTaps, tap } from '../domain/station/taps';
import { limited } from '../domain/rate-limits';
import { createEntry } from '../runtime/entry';

export const main = createEntry('station', {
  handlers: {
    current: currentCampaign,
    point: getPoint,
    tap: limited('stationTaps', tap),
    staffCampaigns: listCampaigns,
    staffSaveCampaign: saveCampaign,
    staffQrCode: qrCode,
    staffStats: stats,
  },
  timers: { stationTick: settleTaps },
});
