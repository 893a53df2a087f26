import { getMe, setNickname } from '../domain/account/me';
import { deleteMyData, myData } from '../domain/account/privacy';
import { createEntry } from '../runtime/entry';

export const main = createEntry('account', {
  handlers: { me: getMe, setNickname, myData, deleteMyData },
});
