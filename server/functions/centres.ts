import { getCentre, listCentres } from '../domain/centres/centres';
import { createEntry } from '../runtime/entry';

export const main = createEntry('centres', {
  handlers: { list: listCentres, get: getCentre },
});
