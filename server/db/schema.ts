/**
 * The database schema: every collection the product uses and its indexes, declared once.
 *
 * The local cloud creates exactly these collections and indexes at start (a collection that is
 * not declared here does not exist, as in WeChat's cloud where collections are created in the
 * console). docs/database.md lists the same declarations for the WeChat console.
 */

export interface IndexSpec {
  /** Index name as it is created in the console. */
  name: string;
  /** Field paths (dot notation allowed) -> 1 ascending / -1 descending. */
  keys: Record<string, 1 | -1>;
  /** A unique index refuses a second document with the same key (E11000 duplicate key). */
  unique?: boolean;
}

export interface CollectionSpec {
  /** What the collection holds, for docs/database.md. */
  holds: string;
  indexes: IndexSpec[];
}

export const COLLECTIONS = {
  centres: 'centres',
  users: 'users',
  roles: 'roles',
  // ---- centres: bookings and 便民日
  rosters: 'rosters',
  closures: 'closures',
  slots: 'slots',
  bookingQuotas: 'booking_quotas',
  bookings: 'bookings',
  fairs: 'fairs',
  fairQueues: 'fair_queues',
  fairTickets: 'fair_tickets',
  // ---- station (平安返乡)
  stationCampaigns: 'station_campaigns',
  stationTaps: 'station_taps',
  stationCounts: 'station_counts',
  stationStock: 'station_stock',
  // ---- events (docs/events.md)
  events: 'events',
  eventEntries: 'event_entries',
  eventDoorCodes: 'event_door_codes',
  eventDraws: 'event_draws',
  // ---- rights (docs/rights.md)
  rightsArticles: 'rights_articles',
  rightsVotes: 'rights_votes',
  rightsFavourites: 'rights_favourites',
  rightsSearchMisses: 'rights_search_misses',
  rightsConsultations: 'rights_consultations',
  rightsQuotas: 'rights_quotas',
  rightsReads: 'rights_reads',
  // ---- aid: 帮扶 applications and the 集体欠薪 early warning (docs/aid.md)
  aidApplications: 'aid_applications',
  wageReports: 'wage_reports',
  wageAlerts: 'wage_alerts',
  // ---- staff: audit log and invite codes (docs/staff.md)
  audit: 'audit',
  staffInvites: 'staff_invites',
  // ---- subscribe messages waiting to be sent (server/domain/messages/outbox.ts)
  outbox: 'outbox',
  // ---- per-worker rate limits on repeatable writes (server/domain/rate-limits.ts)
  rateLimits: 'rate_limits',
} as const;

export type CollectionName = (typeof COLLECTIONS)[keyof typeof COLLECTIONS];

export const SCHEMA: Record<CollectionName, CollectionSpec> = {
  centres: {
    holds: 'The four 职工·家 service centres: name, address, location, phone, hours, services.',
    indexes: [{ name: 'order', keys: { order: 1 } }],
  },
  users: {
    holds: 'One document per worker, _id = OPENID: display name, preferences (large text), consents.',
    indexes: [],
  },
  roles: {
    holds: 'Staff rights, _id = OPENID: role (centre_staff | admin), centres they act for, name.',
    indexes: [{ name: 'role', keys: { role: 1 } }],
  },
  // ---- centres: bookings and 便民日 (docs/centres.md)
  rosters: {
    holds: 'Weekly roster per centre and service, _id = `${centreId}:${service}`: periods, duration, seats, rules.',
    indexes: [{ name: 'centre', keys: { centreId: 1 } }],
  },
  closures: {
    holds: "Days a centre is closed, _id = `${centreId}:${date}` (centreId 'all' = every centre): reason.",
    indexes: [{ name: 'date', keys: { date: 1 } }],
  },
  slots: {
    holds: 'Seat counter per slot, _id = `${centreId}:${service}:${YYYYMMDDTHHmm}` (Shanghai): seats, left, closed, m.<bookingId> (the bookings holding a seat, so a cut-off write is redone or undone exactly). Created on first booking.',
    indexes: [{ name: 'centre_date', keys: { centreId: 1, date: 1 } }],
  },
  booking_quotas: {
    holds: 'Per-person-per-week counter, _id = hash of OPENID + service + week: left (taken by a conditional update), m.<bookingId> (the bookings holding a unit).',
    indexes: [],
  },
  bookings: {
    holds: 'Bookings and walk-ins. activeKey = `${openid}:${start}` while active, replaced when it ends: one booking per person per start. pending + pendingSince: a multi-step write under way (book, move, give back), settled by the centres timer if cut off.',
    indexes: [
      { name: 'active_unique', keys: { activeKey: 1 }, unique: true },
      { name: 'code_unique', keys: { code: 1 }, unique: true },
      { name: 'owner_start', keys: { openid: 1, start: -1 } },
      { name: 'centre_date', keys: { centreId: 1, date: 1 } },
      { name: 'remind_day', keys: { date: 1, remind: 1 } },
      // The centres timer's settling pass: writes cut off mid-way (pending, pendingSince).
      { name: 'pending_since', keys: { pendingSince: 1 } },
    ],
  },
  fairs: {
    holds: '便民日, _id = `${centreId}:${date}`: title, hours, place, queue definitions.',
    indexes: [{ name: 'date', keys: { date: 1 } }],
  },
  fair_queues: {
    holds: 'One queue of a 便民日, _id = `${fairId}:${queueId}`: issued (number sequence), serving, windows left, numbers given back (never issued again).',
    indexes: [{ name: 'fair', keys: { fairId: 1 } }],
  },
  fair_tickets: {
    holds: 'Numbers taken in a 便民日 queue; a worker\'s _id = hash of fair + queue + OPENID (one each; a number given back is replaced in place, its give-backs kept by press), walk-ins by request id.',
    indexes: [
      { name: 'fair_owner', keys: { fairId: 1, openid: 1 } },
      { name: 'queue_number_unique', keys: { queueKey: 1, number: 1 }, unique: true },
    ],
  },
  // ---- station (docs/station.md)
  station_campaigns: {
    holds: '平安返乡 campaigns, _id = short id used in the QR scene: station, dates, services (gifts with stock), tips.',
    indexes: [{ name: 'end_date', keys: { endDate: 1 } }],
  },
  station_taps: {
    holds: 'One per worker per service per day (a gift: per campaign), deterministic _id: a retried tap is a duplicate.',
    indexes: [{ name: 'campaign_openid', keys: { campaignId: 1, openid: 1 } }],
  },
  station_counts: {
    holds: '人次 per campaign, service and hour, _id = `${campaignId}:${serviceId}:${YYYY-MM-DDTHH}`: n (increased with _.inc), m.<tapId> (the taps counted, so a cut-off tap is redone or undone exactly).',
    indexes: [{ name: 'campaign', keys: { campaignId: 1 } }],
  },
  station_stock: {
    holds: 'Gift stock per campaign and gift, _id = `${campaignId}:${serviceId}`: stock, left (never below zero), m.<tapId> (the taps given one).',
    indexes: [{ name: 'campaign', keys: { campaignId: 1 } }],
  },
  // ---- events (docs/events.md)
  events: {
    holds:
      'Union events, and each one\'s seat counters (a few hundred bytes, whatever the sign-ups): capacity, seatsLeft, waiting, qNext (the last waitlist number handed out), tx.<entryId> = {op, seq?, at}: the marks of ledger steps in flight (docs/events.md).',
    indexes: [{ name: 'status_starts', keys: { status: 1, startsAt: 1 } }],
  },
  event_entries: {
    holds:
      'Sign-ups, _id = hash of event + OPENID + request id (a retry is the same entry). activeKey = `${eventId}:${openid}` while active, the entry\'s own _id once it ends: one active entry per worker per event. status, seats and seq are the entry\'s part of the seat ledger; step = {op, at} while a ledger step on it is in flight.',
    indexes: [
      { name: 'active_unique', keys: { activeKey: 1 }, unique: true },
      { name: 'ticket_unique', keys: { ticketCode: 1 }, unique: true },
      { name: 'event_status_seq', keys: { eventId: 1, status: 1, seq: 1 } },
      { name: 'owner_created', keys: { openid: 1, createdAt: -1 } },
      // The events timer finds ledger steps cut off by their age.
      { name: 'step_at', keys: { 'step.at': 1 } },
    ],
  },
  event_door_codes: {
    holds:
      'The short ticket codes read aloud at the door, _id = `${eventId}:${code}` (unique per event by the _id itself, so entries from before the codes need no value): entryId.',
    indexes: [],
  },
  event_draws: {
    holds: 'A lottery draw, _id = eventId: seed, rules, the applicants and the drawn order (anyone can re-run it).',
    indexes: [],
  },
  // ---- rights (docs/rights.md)
  rights_articles: {
    holds: '维权普法 articles, _id = slug: the content with its review state (content/articles/ brought in by the content sync), status (draft | published | retired), featured, reads / helpful / unhelpful (increased with _.inc), shippedVersion / editedBy (the sync\'s bookkeeping), updatedAt (the search index\'s freshness stamp).',
    indexes: [
      { name: 'updated', keys: { updatedAt: -1 } },
      { name: 'status_category', keys: { status: 1, category: 1 } },
      { name: 'status_reads', keys: { status: 1, reads: -1 } },
    ],
  },
  rights_votes: {
    holds: '有用/没用, _id = `${slug}:${openid}`: one vote per worker per article; vote, reason, text (没用 only).',
    indexes: [{ name: 'vote_created', keys: { vote: 1, createdAt: -1 } }],
  },
  rights_favourites: {
    holds: 'Favourites, _id = `${openid}:${slug}` (set / remove: idempotent).',
    indexes: [{ name: 'owner_created', keys: { openid: 1, createdAt: -1 } }],
  },
  rights_search_misses: {
    holds: 'Searches that found nothing, _id = hash of the normalised query: query, n (increased with _.inc), firstAt.',
    indexes: [{ name: 'count', keys: { n: -1 } }],
  },
  rights_consultations: {
    holds: '法律咨询, _id = hash of OPENID + request id (a retried submit is the same case): category, description, flags, phone, status, history, dueAt, answer, rating.',
    indexes: [
      { name: 'owner_created', keys: { openid: 1, createdAt: -1 } },
      { name: 'status_created', keys: { status: 1, createdAt: 1 } },
    ],
  },
  rights_quotas: {
    holds: 'Consultations left per worker per Shanghai day, _id = hash of OPENID + date: left (taken by a conditional update).',
    indexes: [],
  },
  rights_reads: {
    holds: 'An article read by a worker on a Shanghai day, _id = hash of slug + OPENID + date (so `reads` counts it once): until (the end of that day; ended days removed by the events timer).',
    indexes: [{ name: 'until', keys: { until: 1 } }],
  },
  // ---- aid (docs/aid.md, docs/privacy.md)
  aid_applications: {
    holds:
      '帮扶 applications, _id = hash of OPENID + request id: openid, kind, centreId, status, name, phone, description, details (the kind\'s own fields), folder (the random storage folder of its documents), documents, missing, history, decision, dueAt. Documents and sensitive details are removed 180 days after the decision (docs/privacy.md).',
    indexes: [
      { name: 'owner_created', keys: { openid: 1, createdAt: -1 } },
      { name: 'centre_status_created', keys: { centreId: 1, status: 1, createdAt: 1 } },
      { name: 'status_created', keys: { status: 1, createdAt: 1 } },
      { name: 'decided', keys: { 'decision.at': 1 } },
    ],
  },
  wage_reports: {
    holds:
      'One unpaid-wages report per worker per employer per Shanghai day, _id = hash of employer key + OPENID + day: employerKey, employer, openid, name (masked), at. Removed after 30 days.',
    indexes: [{ name: 'employer_at', keys: { employerKey: 1, at: -1 } }],
  },
  wage_alerts: {
    holds:
      '集体欠薪 alerts, _id = hash of employer key + the window\'s first report day (one per employer per window): employer, workers (masked names), count, windowStart, createdAt, acknowledged.',
    indexes: [{ name: 'acknowledged_created', keys: { 'acknowledged.at': 1, createdAt: -1 } }],
  },
  // ---- staff (docs/staff.md, docs/privacy.md)
  audit: {
    holds:
      'One record per call of a staff/admin action, written at the door (refused attempts too): at, fn, action, openid, name, role, target (the input\'s id-like fields), outcome (ok or the error code), personal (a read of personal data), note.',
    indexes: [
      { name: 'at', keys: { at: -1 } },
      { name: 'openid_at', keys: { openid: 1, at: -1 } },
      { name: 'fn_at', keys: { fn: 1, at: -1 } },
      { name: 'outcome_at', keys: { outcome: 1, at: -1 } },
      { name: 'personal_at', keys: { personal: 1, at: -1 } },
    ],
  },
  staff_invites: {
    holds: 'A worker\'s six-digit code for an admin to grant a role, _id = the code: openid, expiresAt (10 minutes; swept daily); press, spentAt once a grant spent it (one press of 添加, server/db/once-per-press.ts).',
    indexes: [{ name: 'openid', keys: { openid: 1 } }],
  },
  rate_limits: {
    holds: 'Calls left per worker, limit group and window, _id = hash of group + OPENID + window start: group, until, left (taken by a conditional update; ended windows removed by the events timer).',
    indexes: [{ name: 'until', keys: { until: 1 } }],
  },
  outbox: {
    holds:
      "One subscribe message, _id = `${template}:${subject}` (the booking or entry it is about, so it is queued and sent at most once): status (pending | sending | sent | refused | failed | dropped), touser, templateId, page, data (cleared once the message is sent or given up), claim and claimedAt of the run sending it, attempts, errCode.",
    indexes: [
      { name: 'status_createdAt', keys: { status: 1, createdAt: 1 } },
      { name: 'touser', keys: { touser: 1 } },
    ],
  },
};
