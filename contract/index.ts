/**
 * THE contract: function -> action -> { input schema, access, output type }.
 * The server imports it to route and validate; the client imports its TYPE only
 * (`import type { Contract }`), so a renamed action or a changed input breaks the build, not production.
 */
import { account } from './account/actions';
import { aid } from './aid/actions';
import { centres } from './centres/actions';
import { events, exportsFn } from './events/actions';
import { station } from './station/actions';
import { rights } from './rights/actions';
import { reportExports, staff } from './staff/actions';

export const CONTRACT = { account, centres, station, events, exports: { ...exportsFn, ...reportExports }, rights, aid, staff };

export type Contract = typeof CONTRACT;
export type FunctionName = keyof Contract;
export type ActionName<F extends FunctionName> = keyof Contract[F] & string;
type Spec<F extends FunctionName, A extends ActionName<F>> = Contract[F][A];

/** The input a caller passes (before the schema's defaults and trimming). */
export type InputOf<F extends FunctionName, A extends ActionName<F>> =
  Spec<F, A> extends { input: infer S } ? (S extends { _zod: { input: infer I } } ? I : never) : never;
/** The input a handler receives (after validation). */
export type ParsedInputOf<F extends FunctionName, A extends ActionName<F>> =
  Spec<F, A> extends { input: infer S } ? (S extends { _zod: { output: infer O } } ? O : never) : never;
export type OutputOf<F extends FunctionName, A extends ActionName<F>> =
  Spec<F, A> extends { output?: infer O } ? O : never;
