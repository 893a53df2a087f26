/**
 * The storage stand-in: files uploaded by functions live under `<dataDir>/storage/<cloudPath>`,
 * are named `cloud://local/<cloudPath>`, and are served over HTTP at `/storage/<cloudPath>` while
 * the local cloud listens (that URL is what getTempFileURL hands out).
 */
import fs from 'node:fs';
import path from 'node:path';

export const FILE_ID_PREFIX = 'cloud://local/';

export type FileListAnswer = Array<{
  fileID: string;
  status: number;
  errMsg: string;
  tempFileURL?: string;
  maxAge?: number;
}>;

/** Errors carry the SDK's storage errCodes. */
function storageError(errCode: number, message: string): Error {
  return Object.assign(new Error(message), { errCode, errMsg: message });
}

const STORAGE_FILE_NONEXIST = -503003;
const INVALID_PARAM = -501007;

export class FileStore {
  constructor(
    private readonly root: string,
    /** The HTTP base URL while the local cloud listens, else null. */
    private readonly baseUrl: () => string | null,
  ) {
    fs.mkdirSync(root, { recursive: true });
  }

  /**
   * Maps a cloud path to a file inside the storage folder, refusing anything that would escape
   * it (absolute paths, `..` segments, empty segments).
   */
  private resolve(cloudPath: string): string | null {
    if (typeof cloudPath !== 'string' || cloudPath.length === 0 || cloudPath.length > 1024) return null;
    const segments = cloudPath.split('/');
    if (segments.some((s) => s === '' || s === '.' || s === '..' || s.includes('\\') || s.includes('\0'))) {
      return null;
    }
    const full = path.resolve(this.root, ...segments);
    return full.startsWith(this.root + path.sep) ? full : null;
  }

  private pathOf(fileID: string): string | null {
    if (typeof fileID !== 'string' || !fileID.startsWith(FILE_ID_PREFIX)) return null;
    return this.resolve(fileID.slice(FILE_ID_PREFIX.length));
  }

  upload(cloudPath: string, content: Uint8Array): string {
    const full = this.resolve(cloudPath);
    if (!full) throw storageError(INVALID_PARAM, `invalid cloudPath: ${String(cloudPath)}`);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, content);
    return FILE_ID_PREFIX + cloudPath;
  }

  read(fileID: string): Buffer | null {
    const full = this.pathOf(fileID);
    if (!full || !fs.existsSync(full) || !fs.statSync(full).isFile()) return null;
    return fs.readFileSync(full);
  }

  download(fileID: string): Buffer {
    const bytes = this.read(fileID);
    if (!bytes) throw storageError(STORAGE_FILE_NONEXIST, `storage file not exists: ${fileID}`);
    return bytes;
  }

  tempUrls(fileIDs: string[]): FileListAnswer {
    const base = this.baseUrl();
    if (!base) {
      throw storageError(
        -503001,
        'getTempFileURL needs the local cloud to be listening (LocalCloud.listen / npm start): its URLs are served over HTTP',
      );
    }
    return fileIDs.map((fileID) => {
      if (!this.read(fileID)) return { fileID, status: STORAGE_FILE_NONEXIST, errMsg: 'file not exists' };
      const cloudPath = fileID.slice(FILE_ID_PREFIX.length);
      const url = `${base}/storage/${cloudPath.split('/').map(encodeURIComponent).join('/')}`;
      return { fileID, status: 0, errMsg: 'ok', tempFileURL: url, maxAge: 86400 };
    });
  }

  delete(fileIDs: string[]): FileListAnswer {
    return fileIDs.map((fileID) => {
      const full = this.pathOf(fileID);
      if (!full || !fs.existsSync(full)) return { fileID, status: STORAGE_FILE_NONEXIST, errMsg: 'file not exists' };
      fs.rmSync(full);
      return { fileID, status: 0, errMsg: 'ok' };
    });
  }
}
