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

export interface Database {
  tokens: TokensTable;
  audit_events: AuditEventsTable;
  settings: SettingsTable;
}

export type Db = Kysely<Database>;
export type TokenRow = Selectable<TokensTable>;
export type NewTokenRow = Insertable<TokensTable>;
export type AuditEventRow = Selectable<AuditEventsTable>;
