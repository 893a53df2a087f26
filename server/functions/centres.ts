import { getBooking, book, cancel, myBookings, reschedule } from '../domain/centres/bookings';
import { getCentre, listCentres } from '../domain/centres/centres';
import { callNext, fairWalkIn, getFair, giveBackNumber, listFairs, myFairTickets, saveFair, takeNumber } from '../domain/centres/fairs';
import { getSlots, nearestFree, saveClosure, saveRoster } from '../domain/centres/rosters';
import { tick } from '../domain/centres/timer';
import { checkIn, closeSlot, noShow, staffDay, walkIn } from '../domain/centres/staff-bookings';
import { limited } from '../domain/rate-limits';
import { createEntry } from '../runtime/entry';

export const main = createEntry('centres', {
  handlers: {
    list: listCentres,
    get: getCentre,
    slots: getSlots,
    nearestFree,
    book: limited('bookings', book),
    cancel: limited('bookings', cancel),
    reschedule: limited('bookings', reschedule),
    myBookings,
    booking: getBooking,
    fairs: listFairs,
    fair: getFair,
    myFairTickets,
    takeNumber: limited('fairNumbers', takeNumber),
    giveBackNumber: limited('fairNumbers', giveBackNumber),
    staffDay,
    staffCheckIn: checkIn,
    staffWalkIn: walkIn,
    staffNoShow: noShow,
    staffCloseSlot: closeSlot,
    staffSaveRoster: saveRoster,
    staffSaveClosure: saveClosure,
    staffSaveFair: saveFair,
    staffCallNext: callNext,
    staffFairWalkIn: fairWalkIn,
  },
  timers: { centresTick: tick },
});
