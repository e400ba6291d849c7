// Table shapes as Kysely sees them. Instants are BIGINT epoch milliseconds and booleans
// are 0/1 integers: the portable choice across Forge SQL (TiDB), MariaDB and SQLite.
import type { Generated, Kysely, Selectable } from 'kysely';

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
  /** The token manager or admin who created it for the owner; null when the owner did. */
  created_by: Generated<string | null>;
  /** Who deactivated it: owner | manager | admin; null while active or never deactivated. */
  deactivated_by: Generated<string | null>;
  /** Which of the owner's admission slots the token holds (unique per owner); NULL on rows older than slots. */
  slot: number | null;
  /** JSON array of canonical IP addresses and CIDR ranges; [] allows any address. */
  allowed_ips: Generated<string>;
  /** JSON array of Jira project keys; [] allows every project the owner may browse. */
  project_keys: Generated<string>;
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
  /** The caller's address, where there is one. */
  ip: Generated<string | null>;
  /** Above 1 only for aggregated refused uses (one row per token, hour, reason, address). */
  occurrences: Generated<number>;
}

/** Each distinct address a token was used from. */
export interface TokenAddressesTable {
  token_id: string;
  address: string;
  first_seen: number;
  last_seen: number;
}

/** Signing keys by kid (the secret itself is in secret storage) and their retirement. */
export interface SigningKeysTable {
  kid: string;
  created_at: number;
  retired_at: number | null;
  retired_by: string | null;
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
  /** The caller's address as the edge saw it (null when unknown). */
  client_ip: string | null;
  /** A known token's refusal reason (e.g. IP); null for requests that ran. */
  refusal: string | null;
  /** A failed request's message (a refusal's reason in words), sanitised and capped; null otherwise. */
  message: string | null;
}

/** A /rest/export job: its parameters, progress and the layout of its stored result. */
export interface ExportJobsTable {
  id: string;
  owner_account_id: string;
  token_id: string;
  /** JSON text: the report parameters as resolved at submission (a saved set included). */
  params: string;
  /** queued | running | completed | failed | aborted (DELETE /rest/export/{id}) */
  status: string;
  created_at: number;
  updated_at: number;
  completed_at: number | null;
  issue_count: number;
  row_count: number;
  chunk_count: number;
  /** The Jira page token the next page starts from; null before the first page. */
  cursor: string | null;
  /** JSON text: columns found so far; once completed, the header and parts. */
  layout: string;
  message: string | null;
  /** Until when an invocation owns the job (epoch ms); null when none does. */
  lease_until: number | null;
  invocations: number;
  /** Consecutive transient failures (Jira throttling): the job fails after a few. */
  failures: number;
  /** Which of the owner's export slots a queued or running job holds; NULL once finished. */
  slot: number | null;
}

/** Requests admitted for a token in one fixed rate window (the per-token rate limit). */
export interface RateWindowsTable {
  token_id: string;
  /** Epoch ms at which the window starts (a multiple of the window length). */
  window_start: number;
  admitted: number;
}

/** Result rows of an export, in order: JSON text, a few hundred KB each. */
export interface ExportChunksTable {
  export_id: string;
  seq: number;
  row_count: number;
  issue_count: number;
  body: string;
}

/** The stable numeric id of each calendar document (the wire format's integer calendar ids). */
export interface CalendarNumbersTable {
  number: Generated<number>;
  calendar_id: string;
}

export interface Database {
  tokens: TokensTable;
  audit_events: AuditEventsTable;
  settings: SettingsTable;
  documents: DocumentsTable;
  rest_requests: RestRequestsTable;
  export_jobs: ExportJobsTable;
  export_chunks: ExportChunksTable;
  calendar_numbers: CalendarNumbersTable;
  rate_windows: RateWindowsTable;
  token_addresses: TokenAddressesTable;
  signing_keys: SigningKeysTable;
}

export type Db = Kysely<Database>;
export type DocumentRow = Selectable<DocumentsTable>;
