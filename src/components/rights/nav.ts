/** Where the 维权 pages lead: one place for their routes and params. */
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

/** The centre where the union's legal consultations are booked. */
export const LEGAL_CENTRE_ID = 'jiujiang';

/**
 * 预约法律咨询: hands the worker to the centres' booking page (issue 5's) with 法律咨询 preselected
 * and the article's title as the topic.
 */
export function openLegalBooking(topic: string): void {
  const params: CentreBookingParams = { centreId: LEGAL_CENTRE_ID, service: 'legal-consultation', topic: topic.slice(0, 40) };
  openPage(PAGES.centreBook, { ...params });
}
