// Migrations are written once with Kysely's schema builder and compiled for whichever
// dialect runs them: Forge SQL (MySQL) through @forge/sql's migrationRunner, SQLite and
// MariaDB through Kysely's Migrator. Forge SQL runs one statement per request, so every
// migration is exactly one statement, and names never change once released.
import { sql, type Compilable, type Kysely, type Migration, type MigrationProvider } from 'kysely';

export interface SchemaMigration {
  name: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration must not depend on today's schema types
  statement(db: Kysely<any>): Compilable & { execute(): Promise<unknown> };
}

export const schemaMigrations: readonly SchemaMigration[] = [
  {
    name: '0001-create-tokens',
    statement: (db) =>
      db.schema
        .createTable('tokens')
        .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
        .addColumn('owner_account_id', 'varchar(128)', (c) => c.notNull())
        .addColumn('token_hash', 'char(64)', (c) => c.notNull())
        .addColumn('key_id', 'varchar(64)', (c) => c.notNull())
        .addColumn('active', 'integer', (c) => c.notNull())
        .addColumn('notes', 'varchar(2000)', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .addColumn('expires_at', 'bigint', (c) => c.notNull())
        .addColumn('last_used_at', 'bigint')
        .addColumn('last_used_ip', 'varchar(64)')
        .addColumn('use_count', 'bigint', (c) => c.notNull().defaultTo(0)),
  },
  {
    name: '0002-index-tokens-owner',
    statement: (db) => db.schema.createIndex('tokens_owner_created').on('tokens').columns(['owner_account_id', 'created_at']),
  },
  {
    name: '0003-index-tokens-created',
    statement: (db) => db.schema.createIndex('tokens_created').on('tokens').column('created_at'),
  },
  {
    name: '0004-create-audit-events',
    statement: (db) =>
      db.schema
        .createTable('audit_events')
        .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
        .addColumn('at', 'bigint', (c) => c.notNull())
        .addColumn('actor_account_id', 'varchar(128)', (c) => c.notNull())
        .addColumn('action', 'varchar(64)', (c) => c.notNull())
        .addColumn('token_id', 'varchar(36)')
        .addColumn('subject_account_id', 'varchar(128)')
        .addColumn('detail', 'text', (c) => c.notNull()),
  },
  {
    name: '0005-index-audit-events-at',
    statement: (db) => db.schema.createIndex('audit_events_at').on('audit_events').column('at'),
  },
  {
    name: '0006-create-settings',
    statement: (db) =>
      db.schema
        .createTable('settings')
        .addColumn('setting_key', 'varchar(64)', (c) => c.primaryKey())
        .addColumn('value', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_by', 'varchar(128)', (c) => c.notNull()),
  },
  {
    name: '0007-create-documents',
    statement: (db) =>
      db.schema
        .createTable('documents')
        .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
        .addColumn('kind', 'varchar(32)', (c) => c.notNull())
        .addColumn('name', 'varchar(200)', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_by', 'varchar(128)', (c) => c.notNull()),
  },
  {
    // Unique per kind: a duplicate name fails in the one INSERT/UPDATE statement itself.
    name: '0008-unique-document-names',
    statement: (db) => db.schema.createIndex('documents_kind_name').on('documents').columns(['kind', 'name']).unique(),
  },
  {
    // One row per authenticated REST request, for the admin's activity view and the
    // per-token rate limit. Never holds the token text or the request parameters.
    name: '0009-create-rest-requests',
    statement: (db) =>
      db.schema
        .createTable('rest_requests')
        .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
        .addColumn('at', 'bigint', (c) => c.notNull())
        .addColumn('token_id', 'varchar(36)', (c) => c.notNull())
        .addColumn('account_id', 'varchar(128)', (c) => c.notNull())
        .addColumn('endpoint', 'varchar(100)', (c) => c.notNull())
        .addColumn('method', 'varchar(8)', (c) => c.notNull())
        .addColumn('issue_count', 'integer', (c) => c.notNull())
        .addColumn('status', 'integer', (c) => c.notNull())
        .addColumn('duration_ms', 'integer', (c) => c.notNull()),
  },
  {
    name: '0010-index-rest-requests-token-at',
    statement: (db) => db.schema.createIndex('rest_requests_token_at').on('rest_requests').columns(['token_id', 'at']),
  },
  {
    name: '0011-index-rest-requests-at',
    statement: (db) => db.schema.createIndex('rest_requests_at').on('rest_requests').column('at'),
  },
  {
    // An export job of /rest/export. MEDIUMTEXT because JQL and page tokens can outgrow
    // MySQL's 64 KB TEXT; SQLite reads any type name containing TEXT as text.
    name: '0012-create-export-jobs',
    statement: (db) =>
      db.schema
        .createTable('export_jobs')
        .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
        .addColumn('owner_account_id', 'varchar(128)', (c) => c.notNull())
        .addColumn('token_id', 'varchar(36)', (c) => c.notNull())
        .addColumn('params', sql`mediumtext`, (c) => c.notNull())
        .addColumn('status', 'varchar(16)', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .addColumn('completed_at', 'bigint')
        .addColumn('issue_count', 'integer', (c) => c.notNull())
        .addColumn('row_count', 'integer', (c) => c.notNull())
        .addColumn('chunk_count', 'integer', (c) => c.notNull())
        .addColumn('cursor', sql`mediumtext`)
        .addColumn('layout', sql`mediumtext`, (c) => c.notNull())
        .addColumn('message', 'varchar(2000)')
        .addColumn('lease_until', 'bigint')
        .addColumn('invocations', 'integer', (c) => c.notNull())
        .addColumn('failures', 'integer', (c) => c.notNull()),
  },
  {
    name: '0013-index-export-jobs-owner',
    statement: (db) => db.schema.createIndex('export_jobs_owner_created').on('export_jobs').columns(['owner_account_id', 'created_at']),
  },
  {
    name: '0014-index-export-jobs-created',
    statement: (db) => db.schema.createIndex('export_jobs_created').on('export_jobs').column('created_at'),
  },
  {
    // An export's result rows, a few hundred KB a chunk: Forge SQL takes at most 1 MiB
    // per request and answers at most 4 MiB, so a result is written and read chunk by chunk.
    name: '0015-create-export-chunks',
    statement: (db) =>
      db.schema
        .createTable('export_chunks')
        .addColumn('export_id', 'varchar(36)', (c) => c.notNull())
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('row_count', 'integer', (c) => c.notNull())
        .addColumn('issue_count', 'integer', (c) => c.notNull())
        .addColumn('body', sql`mediumtext`, (c) => c.notNull())
        .addPrimaryKeyConstraint('export_chunks_pk', ['export_id', 'seq']),
  },
  {
    // Token governance (issue 11): who created a token for its owner (a token manager or
    // admin; null when the owner did) and who deactivated it (owner | manager | admin).
    name: '0100-add-tokens-created-by',
    statement: (db) => db.schema.alterTable('tokens').addColumn('created_by', 'varchar(128)'),
  },
  {
    name: '0101-add-tokens-deactivated-by',
    statement: (db) => db.schema.alterTable('tokens').addColumn('deactivated_by', 'varchar(16)'),
  },
  {
    // Admission slots (issue 16): a live token holds one of its owner's MAX slots, and the
    // unique (owner, slot) index is what makes the cap atomic on every database, TiDB
    // included (which takes no gap locks, so a COUNT-then-INSERT can overshoot). Rows
    // from before this column hold NULL, which the index allows any number of.
    name: '0150-add-tokens-slot',
    statement: (db) => db.schema.alterTable('tokens').addColumn('slot', 'integer'),
  },
  {
    name: '0151-unique-tokens-owner-slot',
    statement: (db) => db.schema.createIndex('tokens_owner_slot').unique().on('tokens').columns(['owner_account_id', 'slot']),
  },
  {
    // A queued or running export holds a slot; finishing it frees the slot (NULL).
    name: '0152-add-export-jobs-slot',
    statement: (db) => db.schema.alterTable('export_jobs').addColumn('slot', 'integer'),
  },
  {
    name: '0153-unique-export-jobs-owner-slot',
    statement: (db) => db.schema.createIndex('export_jobs_owner_slot').unique().on('export_jobs').columns(['owner_account_id', 'slot']),
  },
  {
    // The per-token request rate: one counter row per token and fixed window, raised by a
    // conditional UPDATE (admitted < limit), so concurrent requests cannot overshoot.
    name: '0154-create-rate-windows',
    statement: (db) =>
      db.schema
        .createTable('rate_windows')
        .addColumn('token_id', 'varchar(36)', (c) => c.notNull())
        .addColumn('window_start', 'bigint', (c) => c.notNull())
        .addColumn('admitted', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('rate_windows_pk', ['token_id', 'window_start']),
  },
  {
    // Issue 12: the caller's address of an audit event, where there is one.
    name: '0120-audit-events-add-ip',
    statement: (db) => db.schema.alterTable('audit_events').addColumn('ip', 'varchar(64)'),
  },
  {
    // Refused uses are one row per token, hour, reason and address, counted here.
    name: '0121-audit-events-add-occurrences',
    statement: (db) => db.schema.alterTable('audit_events').addColumn('occurrences', 'integer', (c) => c.notNull().defaultTo(1)),
  },
  {
    name: '0122-index-audit-events-token-at',
    statement: (db) => db.schema.createIndex('audit_events_token_at').on('audit_events').columns(['token_id', 'at']),
  },
  {
    // The distinct addresses each token was used from: "first use from a new address" and
    // the last addresses the owner's history panel shows.
    name: '0123-create-token-addresses',
    statement: (db) =>
      db.schema
        .createTable('token_addresses')
        .addColumn('token_id', 'varchar(36)', (c) => c.notNull())
        .addColumn('address', 'varchar(64)', (c) => c.notNull())
        .addColumn('first_seen', 'bigint', (c) => c.notNull())
        .addColumn('last_seen', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('token_addresses_pk', ['token_id', 'address']),
  },
  {
    // The signing keys this installation made (the secrets stay in secret storage) and
    // which were retired. Keys older than this table are added on first listing.
    name: '0124-create-signing-keys',
    statement: (db) =>
      db.schema
        .createTable('signing_keys')
        .addColumn('kid', 'varchar(64)', (c) => c.primaryKey())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('retired_at', 'bigint')
        .addColumn('retired_by', 'varchar(128)'),
  },
  {
    // The numeric calendar ids of the TISJWT wire format (`calendar=10`, /rest/calendar/10):
    // one row per calendar, numbered by the database, never reused or renumbered.
    name: '0160-create-calendar-numbers',
    statement: (db) =>
      db.schema
        .createTable('calendar_numbers')
        .addColumn('number', 'integer', (c) => c.primaryKey().autoIncrement())
        .addColumn('calendar_id', 'varchar(36)', (c) => c.notNull()),
  },
  {
    // One number per calendar: a second INSERT for the same calendar fails in that statement.
    name: '0161-index-calendar-numbers-calendar',
    statement: (db) => db.schema.createIndex('calendar_numbers_calendar').on('calendar_numbers').column('calendar_id').unique(),
  },
  {
    // Per-token restrictions, JSON arrays of text: canonical IP addresses and CIDR ranges
    // (empty: any address) and Jira project keys (empty: every project the owner may browse).
    name: '0140-add-tokens-allowed-ips',
    statement: (db) => db.schema.alterTable('tokens').addColumn('allowed_ips', 'varchar(4000)', (c) => c.notNull().defaultTo('[]')),
  },
  {
    name: '0141-add-tokens-project-keys',
    statement: (db) => db.schema.alterTable('tokens').addColumn('project_keys', 'varchar(4000)', (c) => c.notNull().defaultTo('[]')),
  },
  {
    // The address the edge saw, for every logged request (refused ones included).
    name: '0142-add-rest-requests-client-ip',
    statement: (db) => db.schema.alterTable('rest_requests').addColumn('client_ip', 'varchar(64)'),
  },
  {
    // Why a token was refused (e.g. IP) when a known token was turned away; null otherwise.
    name: '0143-add-rest-requests-refusal',
    statement: (db) => db.schema.alterTable('rest_requests').addColumn('refusal', 'varchar(32)'),
  },
  {
    // What a failed request was told (a refusal: which check failed), sanitised; null for successes.
    name: '0144-add-rest-requests-message',
    statement: (db) => db.schema.alterTable('rest_requests').addColumn('message', 'varchar(500)'),
  },
];

/** The same migrations for Kysely's Migrator (SQLite and MariaDB). */
export const schemaMigrationProvider: MigrationProvider = {
  async getMigrations(): Promise<Record<string, Migration>> {
    return Object.fromEntries(schemaMigrations.map((migration) => [migration.name, { up: async (db) => void (await migration.statement(db).execute()) }]));
  },
};
