import Taro from '@tarojs/taro';
import { writeUserFile } from '../files/user-file';

/** Saves a base64 .xlsx where the staff member can open or forward it. */
export async function saveXlsx(fileName: string, base64: string): Promise<void> {
  if (process.env.TARO_ENV === 'weapp') {
    const filePath = writeUserFile(fileName, base64);
    await Taro.openDocument({ filePath, fileType: 'xlsx', showMenu: true });
    return;
  }
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const blob = new Blob([bytes], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}
