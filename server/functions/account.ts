import { getMe, setNickname } from '../domain/account/me';
import { createEntry } from '../runtime/entry';

export const main = createEntry('account', {
  handlers: { me: getMe, setNickname },
});
