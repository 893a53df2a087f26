import { runDraw } from '../domain/events/draw';
import { getEvent, listEvents, myEntries, ticketOf } from '../domain/events/queries';
import { cancel, claim, signUp } from '../domain/events/signup';
import {
  checkIn,
  checkInEntry,
  listAttendees,
  markNoShow,
  saveEvent,
  setCapacity,
  setStatus,
  staffGet,
  staffList,
} from '../domain/events/staff';
import { tick } from '../domain/events/timer';
import { limited } from '../domain/rate-limits';
import { createEntry } from '../runtime/entry';

export const main = createEntry('events', {
  handlers: {
    list: listEvents,
    get: getEvent,
    signUp: limited('eventEntries', signUp),
    cancel: limited('eventEntries', cancel),
    claim: limited('eventEntries', claim),
    mine: myEntries,
    ticket: ticketOf,
    staffList,
    staffGet,
    save: saveEvent,
    setStatus,
    setCapacity,
    attendees: listAttendees,
    checkIn,
    checkInEntry,
    markNoShow,
    draw: runDraw,
  },
  timers: { eventsTick: tick },
});
