/** The 职工·家 service centres: the shapes and names both sides use (zod-free; imported by the client). */

/** Services every centre may offer, from the union's report. Keys are stable ids; labels are shown. */
export const CENTRE_SERVICE_LABELS = {
  'rights-help': '维权帮扶',
  'hardship-aid': '困难帮扶',
  'job-referral': '就业推荐',
  'legal-consultation': '法律咨询',
  integration: '非户籍员工融入',
} as const;

export type CentreService = keyof typeof CENTRE_SERVICE_LABELS;
export const CENTRE_SERVICES = Object.keys(CENTRE_SERVICE_LABELS) as CentreService[];

/** Opening hours for one weekday, local time (Asia/Shanghai), 'HH:mm'. weekday: 0 = Sunday. */
export interface OpeningHours {
  weekday: 0 | 1 | 2 | 3 | 4 | 5 | 6;
  open: string;
  close: string;
}

export interface CommunityProgramme {
  name: string;
  community: string;
  description: string;
}

export interface Centre {
  id: string;
  name: string;
  /** Short name for tight spaces, e.g. 沙头. */
  shortName: string;
  address: string;
  location: { latitude: number; longitude: number };
  phone: string;
  hours: OpeningHours[];
  /** A human summary of the hours, e.g. 周一至周五 9:00–12:00, 14:00–17:30. */
  hoursText: string;
  services: CentreService[];
  programmes: CommunityProgramme[];
  intro: string;
  order: number;
}

/** What the list shows; the detail page gets the whole Centre. */
export type CentreSummary = Pick<Centre, 'id' | 'name' | 'shortName' | 'address' | 'phone' | 'hoursText' | 'services'> & {
  /** Computed in Asia/Shanghai at the time of the call. */
  openNow: boolean;
};
