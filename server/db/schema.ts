/**
 * The database schema: every collection the product uses and its indexes, declared once.
 *
 * The local cloud creates exactly these collections and indexes at start (a collection that is
 * not declared here does not exist, as in WeChat's cloud where collections are created in the
 * console). docs/database.md lists the same declarations for the WeChat console.
 */

export interface IndexSpec {
  /** Index name as it is created in the console. */
  name: string;
  /** Field paths (dot notation allowed) -> 1 ascending / -1 descending. */
  keys: Record<string, 1 | -1>;
  /** A unique index refuses a second document with the same key (E11000 duplicate key). */
  unique?: boolean;
}

export interface CollectionSpec {
  /** What the collection holds, for docs/database.md. */
  holds: string;
  indexes: IndexSpec[];
}

export const COLLECTIONS = {
  centres: 'centres',
  users: 'users',
  roles: 'roles',
} as const;

export type CollectionName = (typeof COLLECTIONS)[keyof typeof COLLECTIONS];

export const SCHEMA: Record<CollectionName, CollectionSpec> = {
  centres: {
    holds: 'The four 职工·家 service centres: name, address, location, phone, hours, services.',
    indexes: [{ name: 'order', keys: { order: 1 } }],
  },
  users: {
    holds: 'One document per worker, _id = OPENID: display name, preferences (large text), consents.',
    indexes: [],
  },
  roles: {
    holds: 'Staff rights, _id = OPENID: role (centre_staff | admin), centres they act for, name.',
    indexes: [{ name: 'role', keys: { role: 1 } }],
  },
};
