/**
 * MongoDB query, projection, sort, update and aggregation semantics, borrowed from mingo.
 *
 * mingo evaluates MongoDB operators over plain JS objects; this file is the only one that knows it,
 * and adds what mingo leaves out but the cloud enforces (numeric checks of $inc/$mul).
 */
import { Aggregator, ProcessingMode, Query, update as mingoUpdate } from 'mingo';
import { requestFailed } from './errors';
import { Doc, cloneDoc, valueAtPath } from './document';

export type Filter = Record<string, unknown>;
export type SortSpec = Record<string, 1 | -1>;

export function compileFilter(filter: Filter): (doc: Doc) => boolean {
  try {
    const query = new Query(filter);
    return (doc) => query.test(doc);
  } catch (error) {
    throw requestFailed((error as Error).message);
  }
}

export interface FindOptions {
  order?: SortSpec;
  offset: number;
  limit: number;
  projection?: Record<string, unknown>;
}

/** The page of `docs` the cloud returns: sorted, skipped, limited, projected. Never the stored objects. */
export function findPage(docs: Doc[], options: FindOptions): Record<string, unknown>[] {
  let cursor = new Query({}).find<Record<string, unknown>>(docs, options.projection);
  if (options.order && Object.keys(options.order).length > 0) cursor = cursor.sort(options.order);
  return cursor.skip(options.offset).limit(options.limit).all();
}

const NUMERIC_OPERATORS = ['$inc', '$mul'];

/** MongoDB refuses arithmetic on a non-number; mingo would silently skip it. */
function checkNumericTargets(doc: Doc, update: Record<string, unknown>): void {
  for (const operator of NUMERIC_OPERATORS) {
    const fields = update[operator];
    if (!fields || typeof fields !== 'object') continue;
    for (const [path, operand] of Object.entries(fields as Record<string, unknown>)) {
      const current = valueAtPath(doc, path);
      if (typeof operand !== 'number') {
        throw requestFailed(`Cannot ${operator.slice(1)} with non-numeric argument: {${path}: ${JSON.stringify(operand)}}`);
      }
      if (current !== undefined && current !== null && typeof current !== 'number') {
        throw requestFailed(
          `Cannot apply ${operator} to a value of non-numeric type. {_id: ${JSON.stringify(doc._id)}} has the field '${path}' of non-numeric type ${typeof current}`,
        );
      }
    }
  }
}

/** A new document: `doc` with the update operators applied (`doc` itself is left untouched). */
export function applyOperators(doc: Doc, update: Record<string, unknown>): Doc {
  checkNumericTargets(doc, update);
  const next = cloneDoc(doc);
  try {
    mingoUpdate(next, update, undefined, undefined, { cloneMode: 'deep' });
  } catch (error) {
    throw requestFailed((error as Error).message);
  }
  return next;
}

/** Run a pipeline; `$lookup` and friends read other collections through `resolve`. */
export function runPipeline(docs: Doc[], pipeline: Record<string, unknown>[], resolve: (name: string) => Doc[]): unknown[] {
  try {
    // CLONE_INPUT: stages such as $addFields must never write into stored documents.
    return new Aggregator(pipeline, { collectionResolver: resolve, processingMode: ProcessingMode.CLONE_INPUT }).run(docs);
  } catch (error) {
    throw requestFailed((error as Error).message);
  }
}
