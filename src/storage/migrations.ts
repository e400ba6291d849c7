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
];

/** The same migrations for Kysely's Migrator (SQLite and MariaDB). */
export const schemaMigrationProvider: MigrationProvider = {
  async getMigrations(): Promise<Record<string, Migration>> {
    return Object.fromEntries(schemaMigrations.map((migration) => [migration.name, { up: async (db) => void (await migration.statement(db).execute()) }]));
  },
};
