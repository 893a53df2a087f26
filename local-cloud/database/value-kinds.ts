/**
 * Date and RegExp tests that work across realms: under jest's vm sandbox (and after any structured
 * clone) a Date may come from another realm and fail `instanceof Date`.
 */
export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

export function isRegExp(value: unknown): value is RegExp {
  return Object.prototype.toString.call(value) === '[object RegExp]';
}
