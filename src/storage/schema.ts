// Table shapes as Kysely sees them. Instants are BIGINT epoch milliseconds and booleans
// are 0/1 integers: the portable choice across Forge SQL (TiDB), MariaDB and SQLite.
import type { Generated, Insertable, Kysely, Selectable } from 'kysely';

export interface TokensTable {
  id: string;
  owner_account_id: string;
  /** Hex SHA-256 of the whole token text; the text itself is never stored. */
  token_hash: string;
  key_id: string;
  active: number;
  notes: string;
  created_at: number;
  updated_at: number;
  expires_at: number;
  last_used_at: number | null;
  last_used_ip: string | null;
  use_count: Generated<number>;
}

export interface AuditEventsTable {
  id: string;
  at: number;
  actor_account_id: string;
  action: string;
  token_id: string | null;
  subject_account_id: string | null;
  /** JSON text: what changed, never a token. */
  detail: string;
}

export interface SettingsTable {
  setting_key: string;
  /** JSON text. */
  value: string;
  updated_at: number;
  updated_by: string;
}

/**
 * Small admin-managed documents (working calendars, status groups, saved parameter
 * sets): one table, told apart by `kind`, each a validated JSON body with a unique name.
 */
export interface DocumentsTable {
  id: string;
  kind: string;
  name: string;
  /** JSON text, validated by the kind's schema on write and on read. */
  body: string;
  created_at: number;
  updated_at: number;
  updated_by: string;
}

/** One authenticated REST request (activity view, rate limit); never the token text. */
export interface RestRequestsTable {
  id: string;
  at: number;
  token_id: string;
  account_id: string;
  /** The route pattern, e.g. /rest/export/{id}: ids are not logged. */
  endpoint: string;
  method: string;
  issue_count: number;
  status: number;
  duration_ms: number;
}

export interface Database {
  tokens: TokensTable;
  audit_events: AuditEventsTable;
  settings: SettingsTable;
  documents: DocumentsTable;
  rest_requests: RestRequestsTable;
}

export type Db = Kysely<Database>;
export type TokenRow = Selectable<TokensTable>;
export type NewTokenRow = Insertable<TokensTable>;
export type AuditEventRow = Selectable<AuditEventsTable>;
export type DocumentRow = Selectable<DocumentsTable>;
