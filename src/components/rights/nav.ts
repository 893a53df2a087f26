/** Where the 维权 pages lead: one place for their routes and params. */
import { BOOKING_TOPIC_MAX } from '@contract/centres/model';
import { lastCentre } from '../../prefs/last-centre';
import { openPage, PAGES, type CentreBookingParams } from '../../routes';

export function openArticle(slug: string): void {
  openPage(PAGES.rightsArticle, { slug });
}

export function openSearch(q: string): void {
  openPage(PAGES.rightsSearch, { q });
}

/** 我要咨询, optionally about an article (its category and slug prefill the form). */
export function openAsk(params: { category?: string; slug?: string } = {}): void {
  const query: Record<string, string> = {};
  if (params.category) query.category = params.category;
  if (params.slug) query.slug = params.slug;
  openPage(PAGES.rightsAsk, query);
}

/**
 * 预约法律咨询: hands the worker to the centres' booking page with 法律咨询 preselected, the
 * article's title as the topic (the worker can change it there), and the centre they last booked
 * at on this phone — or none, and the booking page asks which centre.
 */
export function openLegalBooking(topic: string): void {
  const centreId = lastCentre();
  const params: CentreBookingParams = { service: 'legal-consultation', topic: topic.slice(0, BOOKING_TOPIC_MAX), ...(centreId ? { centreId } : {}) };
  openPage(PAGES.centreBook, { ...params });
}
