import { EVENT_SUBSCRIPTIONS, type EventSubscription } from '@contract/events/model';
import { SUBSCRIBE_TEMPLATES } from '@contract/subscribe-templates';
import { requestSubscriptions } from '../../api/subscribe';

/** Asks for the event reminders on the sign-up tap; returns the ones the worker accepted. */
export async function askEventSubscriptions(): Promise<EventSubscription[]> {
  const accepted = await requestSubscriptions(EVENT_SUBSCRIPTIONS.map((key) => SUBSCRIBE_TEMPLATES[key].id));
  return EVENT_SUBSCRIPTIONS.filter((key) => accepted.has(SUBSCRIBE_TEMPLATES[key].id));
}
