// The one use case behind calendars, status groups and saved parameter sets: named
// documents that every signed-in user may read and only Jira administrators may change.
// Each write is one SQL statement; a taken name is a CONFLICT on the name's field.
import { randomUUID } from 'node:crypto';
import { requireJiraAdmin, type Caller } from '../access/guards';
import type { UserDirectory } from '../jira';
import { fieldError } from '../kernel/errors';
import type { Clock } from '../kernel/ports';
import { isoInstant } from '../kernel/time';
import { DuplicateNameError, type DocumentRepository, type StoredDocument } from '../storage/document-repository';
import { echo } from '../kernel/echo';

export interface DocumentsSpec<T extends { name: string }, V, In> {
  repository: DocumentRepository<T>;
  users: UserDirectory;
  clock: Clock;
  /** What one document is called in messages: "calendar", "status group". */
  noun: string;
  /** FORBIDDEN message for a caller who is not a Jira admin. */
  adminOnly: string;
  /** The payload field a taken name is reported on, e.g. `calendar.name`. */
  nameField: string;
  /** Checks (and normalises) a body before it is written; throws a FieldError. */
  validate(body: In): Promise<T> | T;
  view(document: StoredDocument<T>, updatedAt: string): V;
}

export interface Documents<V, In> {
  list(): Promise<V[]>;
  get(id: string): Promise<V | undefined>;
  create(caller: Caller, body: In): Promise<V>;
  update(caller: Caller, id: string, body: In): Promise<V>;
  remove(caller: Caller, id: string): Promise<{ id: string }>;
}

export function createDocuments<T extends { name: string }, V, In>(spec: DocumentsSpec<T, V, In>): Documents<V, In> {
  const { repository } = spec;
  const view = (document: StoredDocument<T>): V => spec.view(document, isoInstant(document.updatedAt));
  const notFound = () => fieldError('id', `No such ${spec.noun}.`, 'NOT_FOUND');
  const nameTaken = (error: unknown): never => {
    if (error instanceof DuplicateNameError) throw fieldError(spec.nameField, `The name "${echo(error.documentName)}" is already taken.`, 'CONFLICT');
    throw error;
  };
  const requireAdmin = (caller: Caller): Promise<void> => requireJiraAdmin(spec.users, caller.accountId, spec.adminOnly);

  return {
    async list() {
      return (await repository.list()).map(view);
    },
    async get(id) {
      const document = await repository.get(id);
      return document && view(document);
    },
    async create(caller, input) {
      await requireAdmin(caller);
      const body = await spec.validate(input);
      const id = randomUUID();
      await repository.insert({ id, name: body.name, body }, spec.clock.now(), caller.accountId).catch(nameTaken);
      const document = await repository.get(id);
      if (!document) throw notFound();
      return view(document);
    },
    async update(caller, id, input) {
      await requireAdmin(caller);
      const body = await spec.validate(input);
      const updated = await repository.update(id, { name: body.name, body }, spec.clock.now(), caller.accountId).catch(nameTaken);
      const document = updated ? await repository.get(id) : undefined;
      if (!document) throw notFound();
      return view(document);
    },
    async remove(caller, id) {
      await requireAdmin(caller);
      if (!(await repository.remove(id))) throw notFound();
      return { id };
    },
  };
}
