/**
 * One TCB database request in, the TCB server's answer out.
 *
 * Every request runs start to finish synchronously (read, decide, journal, apply): requests coming
 * from many cloud-function instances interleave only between requests, never inside one — the
 * per-document atomicity the cloud gives a conditional update (`where({_id, left: _.gt(0)})
 * .update({left: _.inc(-1)})`). Answers have the shapes @cloudbase/database reads; errors are
 * `{code, message}` and the SDK maps them to errCodes itself.
 */
import { DbError, invalidParam, requestFailed } from './errors';
import { stringifyEjson } from './ejson';
import { Doc, DocId, asDocId, cloneDoc, newDocId, sameDoc } from './document';
import { Filter, applyOperators, compileFilter, findPage, runPipeline } from './mongo-semantics';
import {
  Params,
  collectionName,
  docIdOf,
  documentsOf,
  ejsonObject,
  filterOf,
  isDocRequest,
  limitOf,
  offsetOf,
  orderOf,
  pipelineOf,
  transactionId,
} from './request-params';
import { Store, Write } from './store';
import { Transactions } from './transactions';
import { duplicateIdError } from './unique-index';

/** The server's default page for an aggregate with no $limit stage. */
export const AGGREGATE_DEFAULT_LIMIT = 20;

type Answer = Record<string, unknown>;

/** Where a request reads and writes: the committed store, or one open transaction. */
interface Scope {
  get(collection: string, id: DocId): Doc | undefined;
  write(writes: Write[]): void;
}

export class RequestHandler {
  private answered = 0;

  constructor(
    private readonly store: Store,
    private readonly transactions: Transactions,
    private readonly now: () => number,
  ) {}

  handle(params: Params): Answer {
    this.answered += 1;
    const requestId = `local-${this.answered}`;
    try {
      return { ...this.dispatch(params), requestId };
    } catch (error) {
      if (error instanceof DbError) return { code: error.code, message: error.message, requestId };
      throw error;
    }
  }

  private dispatch(params: Params): Answer {
    switch (params.action) {
      case 'database.getDocument':
        return this.getDocument(params);
      case 'database.insertDocument':
        return this.insertDocument(params);
      case 'database.modifyDocument':
        return this.modifyDocument(params);
      case 'database.removeDocument':
        return this.removeDocument(params);
      case 'database.calculateDocument':
        return this.calculateDocument(params);
      case 'database.aggregateDocuments':
        return this.aggregateDocuments(params);
      case 'database.addCollection':
        return this.addCollection(params);
      case 'database.startTransaction':
        return { transactionId: this.transactions.start() };
      case 'database.commitTransaction':
        this.transactions.commit(this.requiredTransactionId(params));
        return { transactionId: params.transactionId };
      case 'database.abortTransaction':
        this.transactions.abort(this.requiredTransactionId(params));
        return { transactionId: params.transactionId };
      default:
        throw invalidParam(`the local database does not answer action ${String(params.action)}`);
    }
  }

  private getDocument(params: Params): Answer {
    const collection = collectionName(params);
    const now = this.now();
    const projection = ejsonObject(params, 'projection', now);
    const filter = filterOf(params, now);
    const order = orderOf(params, now);
    const offset = offsetOf(params);
    const limit = limitOf(params);
    // Unsorted, the page is the first offset+limit matches in natural order: stop scanning there.
    const docs = this.targets(params, collection, filter, order ? Infinity : offset + limit);
    const page = findPage(docs, { order, offset, limit, projection });
    return { data: { list: page.map((doc) => stringifyEjson(doc)) } };
  }

  private insertDocument(params: Params): Answer {
    const collection = collectionName(params);
    const scope = this.scope(params);
    const writes: Write[] = documentsOf(params, this.now()).map((fields) => {
      const { _id: given, ...rest } = fields;
      const id = given === undefined ? newDocId() : asDocId(given);
      if (scope.get(collection, id)) throw duplicateIdError(collection, id);
      return { collection, id, after: { _id: id, ...rest }, insert: true };
    });
    scope.write(writes);
    return { data: { insertedIds: writes.map((write) => write.id) } };
  }

  private modifyDocument(params: Params): Answer {
    const collection = collectionName(params);
    const now = this.now();
    const filter = filterOf(params, now);
    const data = ejsonObject(params, 'data', now);
    if (!data) throw invalidParam('data must be a non-empty object');
    const merge = params.merge !== false;
    const change = merge ? toOperators(data) : toReplacement(data);
    const scope = this.scope(params);
    const targets = this.targets(params, collection, filter, params.multi === true ? Infinity : 1);
    const writes: Write[] = [];
    for (const target of targets) {
      const after = change(target);
      if (!sameDoc(after, target)) writes.push({ collection, id: target._id, after });
    }
    let upsertId: DocId | undefined;
    if (targets.length === 0 && params.upsert === true) {
      upsertId = filter._id === undefined ? newDocId() : asDocId(filter._id);
      writes.push({ collection, id: upsertId, after: change({ _id: upsertId }), insert: true });
    }
    scope.write(writes);
    const updated = upsertId === undefined ? writes.length : 0;
    return { data: upsertId === undefined ? { updated } : { updated, upsert_id: upsertId } };
  }

  private removeDocument(params: Params): Answer {
    const collection = collectionName(params);
    const filter = filterOf(params, this.now());
    const writes = this.targets(params, collection, filter, params.multi === true ? Infinity : 1).map(
      (doc): Write => ({ collection, id: doc._id, after: null }),
    );
    this.scope(params).write(writes);
    return { data: { deleted: writes.length } };
  }

  private calculateDocument(params: Params): Answer {
    const collection = collectionName(params);
    return { data: { total: this.targets(params, collection, filterOf(params, this.now()), Infinity).length } };
  }

  private aggregateDocuments(params: Params): Answer {
    const collection = collectionName(params);
    const pipeline = pipelineOf(params, this.now());
    if (!pipeline.some((stage) => '$limit' in stage)) pipeline.push({ $limit: AGGREGATE_DEFAULT_LIMIT });
    const result = runPipeline([...this.store.all(collection)], pipeline, (name) => [...this.store.all(name)]);
    return { data: { list: result.map((item) => stringifyEjson(item)) } };
  }

  /** db.createCollection(): the schema is the only place collections come from. */
  private addCollection(params: Params): Answer {
    const collection = collectionName(params);
    if (this.store.has(collection)) {
      throw new DbError('DATABASE_COLLECTION_ALREADY_EXIST', `Table exist: ${collection}`);
    }
    throw invalidParam(
      `the local cloud does not create collections at run time: declare ${collection} in server/db/schema.ts (and create it in the WeChat console)`,
    );
  }

  /**
   * The documents a request acts on. A DOC request (doc(id)…) looks its _id up; a WHERE request
   * scans, except that an equality on _id is looked up (the capacity idiom stays O(1)). In a
   * transaction only DOC requests exist, as in the cloud.
   */
  private targets(params: Params, collection: string, filter: Filter, max: number): Doc[] {
    const transaction = transactionId(params);
    if (transaction && !isDocRequest(params)) {
      throw invalidParam(
        'a transaction allows single-document operations only: doc(id).get/set/update/remove and collection.add (where() is refused)',
      );
    }
    const matches = compileFilter(filter);
    const id = filter._id;
    let candidates: Iterable<Doc>;
    if (isDocRequest(params) || typeof id === 'string' || typeof id === 'number') {
      const docId = isDocRequest(params) ? docIdOf(filter) : (id as DocId);
      const doc = transaction ? this.transactions.read(transaction, collection, docId) : this.store.get(collection, docId);
      candidates = doc ? [doc] : [];
    } else {
      candidates = this.store.all(collection);
    }
    const found: Doc[] = [];
    for (const doc of candidates) {
      if (!matches(doc)) continue;
      found.push(doc);
      if (found.length >= max) break;
    }
    return found;
  }

  private scope(params: Params): Scope {
    const transaction = transactionId(params);
    if (!transaction) {
      return { get: (collection, id) => this.store.get(collection, id), write: (writes) => this.store.commit(writes) };
    }
    return {
      get: (collection, id) => this.transactions.read(transaction, collection, id),
      write: (writes) => this.transactions.write(transaction, writes),
    };
  }

  private requiredTransactionId(params: Params): string {
    const id = transactionId(params);
    if (!id) throw invalidParam('transactionId is required');
    return id;
  }
}

/** merge: true — update operators; plain top-level fields mean $set (TCB's merge update). */
function toOperators(data: Record<string, unknown>): (doc: Doc) => Doc {
  const keys = Object.keys(data);
  const operators = keys.filter((key) => key.startsWith('$'));
  if (operators.length > 0 && operators.length < keys.length) {
    throw requestFailed('update operator complicit: do not mix update operators and plain fields');
  }
  const update = operators.length > 0 ? data : { $set: data };
  return (doc) => applyOperators(doc, update);
}

/** merge: false — doc(id).set(): the whole document is replaced, _id kept. */
function toReplacement(data: Record<string, unknown>): (doc: Doc) => Doc {
  if (Object.keys(data).some((key) => key.startsWith('$'))) {
    throw requestFailed('a replacement document must not contain update operators');
  }
  return (doc) => {
    if (data._id !== undefined && data._id !== doc._id) {
      throw requestFailed("Performing an update on the path '_id' would modify the immutable field '_id'");
    }
    const { _id: _sameId, ...fields } = data;
    return cloneDoc({ _id: doc._id, ...fields });
  };
}
