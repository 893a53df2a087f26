/**
 * Worker side of the storage stand-in: replaces the SDK's uploadFile / getTempFileURL /
 * downloadFile / deleteFile with calls to the main thread's file store, keeping the SDK's result
 * shapes (`fileID`, `fileList[].tempFileURL`, `fileContent`, `errMsg: '<api>:ok'`).
 */
import { callMain } from '../instances/main-channel';
import { sdkError } from '../instances/sdk-error';
import type { FileListAnswer } from './store';

type FileRef = string | { fileID: string; maxAge?: number };

function fileIDsOf(fileList: unknown, api: string): string[] {
  if (!Array.isArray(fileList) || fileList.length === 0) {
    throw sdkError(-501007, `${api}:fail fileList must be a non-empty array`);
  }
  return (fileList as FileRef[]).map((ref) => (typeof ref === 'string' ? ref : ref.fileID));
}

async function forward<T>(api: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    const e = err as { errCode?: number; errMsg?: string; message: string };
    throw sdkError(e.errCode ?? -503001, `${api}:fail ${e.errMsg ?? e.message}`);
  }
}

export function installStorageSurface(cloud: Record<string, unknown>): void {
  cloud.uploadFile = (options: { cloudPath: string; fileContent: Buffer | string }) =>
    forward('uploadFile', async () => {
      const content =
        typeof options.fileContent === 'string' ? Buffer.from(options.fileContent) : options.fileContent;
      if (!Buffer.isBuffer(content)) throw sdkError(-501007, 'fileContent must be a Buffer');
      const fileID = (await callMain({
        service: 'storage',
        op: 'upload',
        cloudPath: options.cloudPath,
        content: new Uint8Array(content),
      })) as string;
      return { fileID, statusCode: 200, errMsg: 'uploadFile:ok' };
    });

  cloud.downloadFile = (options: { fileID: string }) =>
    forward('downloadFile', async () => {
      const [bytes] = (await callMain({
        service: 'storage',
        op: 'download',
        fileIDs: [options.fileID],
      })) as Uint8Array[];
      return { fileContent: Buffer.from(bytes), statusCode: 200, errMsg: 'downloadFile:ok' };
    });

  cloud.getTempFileURL = (options: { fileList: FileRef[] }) =>
    forward('getTempFileURL', async () => {
      const fileIDs = fileIDsOf(options.fileList, 'getTempFileURL');
      const fileList = (await callMain({ service: 'storage', op: 'tempUrl', fileIDs })) as FileListAnswer;
      return { fileList, errMsg: 'getTempFileURL:ok' };
    });

  cloud.deleteFile = (options: { fileList: string[] }) =>
    forward('deleteFile', async () => {
      const fileIDs = fileIDsOf(options.fileList, 'deleteFile');
      const fileList = (await callMain({ service: 'storage', op: 'delete', fileIDs })) as FileListAnswer;
      return { fileList, errMsg: 'deleteFile:ok' };
    });
}
