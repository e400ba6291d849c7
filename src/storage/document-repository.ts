// Admin-managed documents of one kind (calendars, status groups, parameter sets): JSON
// bodies with unique names. Bodies are checked by the kind's schema when read back.
import { z } from 'zod';
import { AppError } from '../kernel/errors';
import { isUniqueViolation } from './admission-slots';
import type { Db, DocumentRow } from './schema';

export type DocumentKind = 'calendar' | 'status-group' | 'param-set';

export interface StoredDocument<T> {
  id: string;
  name: string;
  body: T;
  createdAt: number;
  updatedAt: number;
  updatedBy: string;
}

/** The one statement hit the unique (kind, name) index; the use case says which field that is. */
export class DuplicateNameError extends AppError {
  readonly documentName: string;

  constructor(documentName: string, options: { cause?: unknown } = {}) {
    super('CONFLICT', `the name "${documentName}" is already taken`, options);
    this.documentName = documentName;
  }
}

const rowSchema = z.object({
  id: z.string(),
  name: z.string(),
  body: z.string(),
  created_at: z.coerce.number(),
  updated_at: z.coerce.number(),
  updated_by: z.string(),
});

export interface DocumentRepository<T> {
  list(): Promise<Array<StoredDocument<T>>>;
  get(id: string): Promise<StoredDocument<T> | undefined>;
  insert(doc: { id: string; name: string; body: T }, now: number, actor: string): Promise<void>;
  /** False when no document of this kind has the id. */
  update(id: string, doc: { name: string; body: T }, now: number, actor: string): Promise<boolean>;
  remove(id: string): Promise<boolean>;
}

export function createDocumentRepository<T>(db: Db, kind: DocumentKind, bodySchema: z.ZodType<T>): DocumentRepository<T> {
  const parse = (raw: DocumentRow): StoredDocument<T> => {
    const row = rowSchema.parse(raw);
    return {
      id: row.id,
      name: row.name,
      body: bodySchema.parse(JSON.parse(row.body)),
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      updatedBy: row.updated_by,
    };
  };
  const guardName = async <R>(name: string, write: () => Promise<R>): Promise<R> => {
    try {
      return await write();
    } catch (error) {
      if (isUniqueViolation(error)) throw new DuplicateNameError(name, { cause: error });
      throw error;
    }
  };
  return {
    async list() {
      const rows = await db.selectFrom('documents').selectAll().where('kind', '=', kind).orderBy('name').execute();
      return rows.map(parse);
    },
    async get(id) {
      const row = await db.selectFrom('documents').selectAll().where('kind', '=', kind).where('id', '=', id).executeTakeFirst();
      return row === undefined ? undefined : parse(row);
    },
    async insert(doc, now, actor) {
      await guardName(doc.name, () =>
        db
          .insertInto('documents')
          .values({ id: doc.id, kind, name: doc.name, body: JSON.stringify(doc.body), created_at: now, updated_at: now, updated_by: actor })
          .execute(),
      );
    },
    async update(id, doc, now, actor) {
      const result = await guardName(doc.name, () =>
        db
          .updateTable('documents')
          .set({ name: doc.name, body: JSON.stringify(doc.body), updated_at: now, updated_by: actor })
          .where('kind', '=', kind)
          .where('id', '=', id)
          .executeTakeFirst(),
      );
      return (result.numUpdatedRows ?? 0n) > 0n;
    },
    async remove(id) {
      const result = await db.deleteFrom('documents').where('kind', '=', kind).where('id', '=', id).executeTakeFirst();
      return (result.numDeletedRows ?? 0n) > 0n;
    },
  };
}
