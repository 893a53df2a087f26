import Taro from '@tarojs/taro';
import { devSession } from './dev-session';

/** A file the worker picked on the phone, before it is uploaded. */
export interface PickedFile {
  path: string;
  name: string;
  ext: string;
  size: number;
}

const extOf = (name: string) => (/\.([A-Za-z0-9]+)$/.exec(name)?.[1] ?? '').toLowerCase();

/**
 * Lets the worker take a photo or pick an image (or, on weapp, a PDF from a chat). Resolves null
 * when they cancel. Type and size are checked by the server's upload slot, in words they understand.
 */
export async function pickDocument(kind: 'image' | 'pdf'): Promise<PickedFile | null> {
  try {
    if (kind === 'pdf' && process.env.TARO_ENV === 'weapp') {
      const res = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['pdf'] });
      const f = res.tempFiles[0];
      return f ? { path: f.path, name: f.name, ext: extOf(f.name), size: f.size } : null;
    }
    const res = await Taro.chooseImage({ count: 1, sizeType: ['compressed'], sourceType: ['camera', 'album'] });
    const f = res.tempFiles[0];
    if (!f) return null;
    const name = (f as { originalFileObj?: { name?: string } }).originalFileObj?.name ?? f.path.split('/').pop() ?? 'photo.jpg';
    return { path: f.path, name, ext: extOf(name) || 'jpg', size: f.size };
  } catch {
    return null;
  }
}

/**
 * Uploads a picked file to the cloud path the server gave (an upload slot) and resolves with its
 * fileID. weapp: Taro.cloud.uploadFile; H5: the local cloud's POST /storage/upload stand-in.
 */
export async function uploadToCloud(cloudPath: string, file: PickedFile): Promise<string> {
  if (process.env.TARO_ENV === 'weapp') {
    const res = await Taro.cloud.uploadFile({ cloudPath, filePath: file.path });
    return res.fileID;
  }
  const body = await (await fetch(file.path)).blob();
  const token = devSession.token();
  const res = await fetch(`/storage/upload?cloudPath=${encodeURIComponent(cloudPath)}`, {
    method: 'POST',
    headers: token ? { authorization: `Bearer ${token}` } : {},
    body,
  });
  if (!res.ok) throw new Error(`upload failed: ${res.status}`);
  return ((await res.json()) as { fileID: string }).fileID;
}
