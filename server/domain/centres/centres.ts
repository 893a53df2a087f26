import type { Centre, CentreSummary } from '../../../contract/centres/model';
import { COLLECTIONS } from '../../db/schema';
import { AppError } from '../../runtime/app-error';
import type { HandlerContext } from '../../runtime/context';
import { isOpenAt } from './opening-hours';

type CentreDoc = Omit<Centre, 'id'> & { _id: string };

function toCentre(doc: CentreDoc): Centre {
  const { _id, ...rest } = doc;
  return { id: _id, ...rest };
}

/** All centres in the union's order, with whether each is open now. One database request. */
export async function listCentres(ctx: HandlerContext): Promise<CentreSummary[]> {
  const res = await ctx.db.collection<CentreDoc>(COLLECTIONS.centres).orderBy('order', 'asc').limit(100).get();
  return res.data.map((doc) => {
    const c = toCentre(doc);
    return {
      id: c.id,
      name: c.name,
      shortName: c.shortName,
      address: c.address,
      phone: c.phone,
      hoursText: c.hoursText,
      services: c.services,
      openNow: isOpenAt(c.hours, ctx.now),
    };
  });
}

/** One centre by id. One database request; a missing id is NOT_FOUND, not an exception. */
export async function getCentre(ctx: HandlerContext, input: { id: string }): Promise<Centre & { openNow: boolean }> {
  const res = await ctx.db.collection<CentreDoc>(COLLECTIONS.centres).where({ _id: input.id }).limit(1).get();
  const doc = res.data[0];
  if (!doc) throw new AppError('NOT_FOUND', '没有找到这个服务中心');
  const centre = toCentre(doc);
  return { ...centre, openNow: isOpenAt(centre.hours, ctx.now) };
}
