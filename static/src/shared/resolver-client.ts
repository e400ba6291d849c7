// Typed resolver calls over @forge/bridge. Every resolver answers with the envelope from
// src/contract/envelope.ts; this unwraps it so components get data or a ResolverCallError
// carrying the server's message (and the field it is about) to show next to the input.
import { invoke } from '@forge/bridge';
import type { ErrorCode, ResolverError, ResolverResult } from '../../../src/contract/envelope';
import type { PayloadOf, ResolverKey, ResultOf } from '../../../src/contract/resolvers';

export class ResolverCallError extends Error {
  readonly code: ErrorCode;
  readonly field: string | undefined;
  /** Every problem with its field, when the server found several (e.g. a calendar). */
  readonly issues: ReadonlyArray<{ field: string; message: string }>;

  constructor(error: ResolverError) {
    super(error.message);
    this.name = 'ResolverCallError';
    this.code = error.code;
    this.field = error.field;
    this.issues = error.issues ?? [];
  }
}

function isEnvelope(value: unknown): value is { ok: boolean } {
  return typeof value === 'object' && value !== null && typeof (value as { ok?: unknown }).ok === 'boolean';
}

export async function callResolver<K extends ResolverKey>(key: K, payload: PayloadOf<K>): Promise<ResultOf<K>> {
  let response: unknown;
  try {
    response = await invoke(key, payload);
  } catch {
    // The bridge throws for transport failures (network, rate limit, host errors); the
    // details are for developers, so people get a message they can act on.
    throw new ResolverCallError({ code: 'INTERNAL', message: 'Status Clock could not be reached. Check your connection and try again.' });
  }
  if (!isEnvelope(response)) {
    throw new ResolverCallError({ code: 'INTERNAL', message: 'Status Clock sent an unexpected answer. Reload the page and try again.' });
  }
  // The contract module is shared with the resolvers, which build this envelope with the
  // same types, so only its shape is checked here, not every field of the data.
  const envelope = response as ResolverResult<ResultOf<K>>;
  if (envelope.ok) return envelope.data;
  throw new ResolverCallError(envelope.error);
}

/** A message for people, whatever was thrown. */
export function messageOf(error: unknown): string {
  if (error instanceof ResolverCallError) return error.message;
  return 'Something went wrong. Reload the page and try again.';
}

/** The server's message when it is about `field`, for an inline error under that input. */
export function fieldMessage(error: unknown, field: string): string | undefined {
  return error instanceof ResolverCallError && error.field === field ? error.message : undefined;
}
