import Taro from '@tarojs/taro';

/**
 * Writes base64 bytes into the mini-program's own user-data folder (weapp only) and returns the
 * file's path: APIs such as openDocument and previewImage take a file path, never base64 or a
 * data URL. The name is made safe for the file system; writing it again replaces it.
 */
export function writeUserFile(fileName: string, base64: string): string {
  const filePath = `${Taro.env.USER_DATA_PATH}/${fileName.replace(/[\\/:*?"<>|]/g, '_')}`;
  Taro.getFileSystemManager().writeFileSync(filePath, base64, 'base64');
  return filePath;
}

/** A `data:image/png;base64,...` URL's bytes, as base64. */
export function base64Of(dataUrl: string): string {
  return dataUrl.slice(dataUrl.indexOf(',') + 1);
}
