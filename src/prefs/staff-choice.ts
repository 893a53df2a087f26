import Taro from '@tarojs/taro';

/**
 * The centre (今天的预约和到场登记) and the 便民日 (叫号) a staff member last worked on, remembered on
 * this phone: the desk opens where they left it. Only a preference: the server checks every action
 * against the staff member's centres, and a remembered choice they lost is ignored by the page.
 */
const KEYS = { centre: 'staff-last-centre', fair: 'staff-last-fair' } as const;

export type StaffChoice = keyof typeof KEYS;

export function lastChoice(kind: StaffChoice): string {
  return (Taro.getStorageSync(KEYS[kind]) as string | undefined) || '';
}

export function rememberChoice(kind: StaffChoice, id: string): void {
  Taro.setStorageSync(KEYS[kind], id);
}
