/**
 * One unique index: a map from the index key of every document to that document's id.
 *
 * As in MongoDB a missing field indexes as null, so two documents that both lack a uniquely indexed
 * field collide. Array values are indexed as a whole (MongoDB would index each element: documented
 * deviation; no schema index covers an array field).
 */
import { DbError } from './errors';
import { stringifyEjson } from './ejson';
import { Doc, DocId, idKey, valueAtPath } from './document';

export interface IndexSpec {
  name: string;
  keys: Record<string, 1 | -1>;
  unique?: boolean;
}

export class UniqueIndex {
  private readonly fields: string[];
  /** index key -> idKey of the one document holding it */
  private readonly owners = new Map<string, string>();

  constructor(
    private readonly collection: string,
    readonly spec: IndexSpec,
  ) {
    this.fields = Object.keys(spec.keys);
  }

  keyOf(doc: Doc): string {
    return stringifyEjson(this.fields.map((field) => valueAtPath(doc, field) ?? null));
  }

  owner(key: string): string | undefined {
    return this.owners.get(key);
  }

  add(doc: Doc): void {
    this.owners.set(this.keyOf(doc), idKey(doc._id));
  }

  remove(doc: Doc): void {
    const key = this.keyOf(doc);
    if (this.owners.get(key) === idKey(doc._id)) this.owners.delete(key);
  }

  duplicateError(doc: Doc): DbError {
    const shown = this.fields
      .map((field) => `${field}: ${JSON.stringify(valueAtPath(doc, field) ?? null)}`)
      .join(', ');
    return duplicateKeyError(this.collection, this.spec.name, `{ ${shown} }`);
  }
}

/** MongoDB's wording, which the cloud passes through: callers match on "E11000 duplicate key". */
export function duplicateKeyError(collection: string, indexName: string, dupKey: string): DbError {
  return new DbError(
    'DATABASE_REQUEST_FAILED',
    `E11000 duplicate key error collection: ${collection} index: ${indexName} dup key: ${dupKey}`,
  );
}

export function duplicateIdError(collection: string, id: DocId): DbError {
  return duplicateKeyError(collection, '_id_', `{ _id: ${JSON.stringify(id)} }`);
}
