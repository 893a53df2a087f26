/**
 * The one file that calls wx-server-sdk's storage API: the FileStorage the entry hands to every
 * handler (ctx.storage), so domain code never imports wx-server-sdk.
 */
import * as cloud from 'wx-server-sdk';
import type { FileStorage } from './context';

/** deleteFile takes at most 50 file ids per call. */
const DELETE_BATCH = 50;

export const cloudStorage: FileStorage = {
  async fileLink(fileID, maxAgeSeconds) {
    const res = (await cloud.getTempFileURL({ fileList: [{ fileID, maxAge: maxAgeSeconds }] })) as {
      fileList: Array<{ status: number; tempFileURL?: string }>;
    };
    const file = res.fileList[0];
    return file && file.status === 0 && file.tempFileURL ? file.tempFileURL : null;
  },
  async deleteFiles(fileIDs) {
    for (let i = 0; i < fileIDs.length; i += DELETE_BATCH) await cloud.deleteFile({ fileList: fileIDs.slice(i, i + DELETE_BATCH) });
  },
};
