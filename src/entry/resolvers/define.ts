// Turns tables of resolver definitions into a Forge resolver: every call's payload is
// schema-checked, the caller comes from the Forge context (never the payload), and every
// outcome is the { ok, data } | { ok: false, error } envelope, translated here once.
// Internals never reach the UI.
import Resolver from '@forge/resolver';
import { z } from 'zod';
import type { Caller } from '../../access/guards';
import type { ErrorCode as EnvelopeCode, ResolverError, ResolverResult } from '../../contract/envelope';
import type { PayloadOf, ResolverKey, ResultOf } from '../../contract/resolvers';
import { AppError, FieldError, type ErrorCode } from '../../kernel/errors';
import type { AppServices } from '../composition/app-services';
import { currentServices } from '../composition/current-services';
import { identityOf } from '../forge-context';
import { echo } from '../../kernel/echo';

export interface ResolverDefinition<K extends ResolverKey> {
  schema: z.ZodType<PayloadOf<K>>;
  run(services: AppServices, caller: Caller, payload: PayloadOf<K>): Promise<ResultOf<K>>;
}

export type ResolverTable = { [K in ResolverKey]?: ResolverDefinition<K> };

/** The envelope's codes for the app's; anything not listed is INTERNAL. */
const ENVELOPE_CODE: Partial<Record<ErrorCode, EnvelopeCode>> = {
  INVALID_INPUT: 'BAD_REQUEST',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  LIMIT_REACHED: 'CONFLICT',
};

const INTERNAL: ResolverError = { code: 'INTERNAL', message: 'Something went wrong on our side. Try again in a moment.' };

function describeZodError(error: z.ZodError): ResolverError {
  const issue = error.issues[0];
  if (!issue) return { code: 'BAD_REQUEST', message: 'The request is not valid.' };
  if (issue.code === 'unrecognized_keys') {
    const field = issue.keys[0] ?? '';
    return { code: 'BAD_REQUEST', message: `Unknown field "${echo(field)}".`, field: echo(field) };
  }
  const field = issue.path.map(String).join('.');
  return {
    code: 'BAD_REQUEST',
    message: field ? `${field} ${issue.message}` : issue.message,
    ...(field ? { field } : {}),
  };
}

export function toResolverError(error: unknown): ResolverError {
  const code = error instanceof AppError ? ENVELOPE_CODE[error.code] : undefined;
  if (error instanceof AppError && code) {
    if (!(error instanceof FieldError)) return { code, message: error.message };
    const [first] = error.problems;
    return {
      code,
      message: error.message,
      ...(first?.field ? { field: first.field } : {}),
      ...(error.problems.length > 1 ? { issues: error.problems.map((p) => ({ field: p.field, message: p.message })) } : {}),
    };
  }
  if (error instanceof z.ZodError) return describeZodError(error);
  // Log the kind of failure only: payloads may hold notes, results may hold tokens.
  console.error('resolver failed', error instanceof Error ? `${error.name}: ${error.message}` : typeof error);
  return INTERNAL;
}

async function runDefinition<K extends ResolverKey>(
  definition: ResolverDefinition<K>,
  payload: unknown,
  context: unknown,
): Promise<ResolverResult<ResultOf<K>>> {
  try {
    const identity = identityOf(context);
    if (!identity.accountId) throw new AppError('UNAUTHENTICATED', 'Sign in to Jira to manage tokens.');
    const services = await currentServices();
    await services.activeCaller.requireActive(identity.accountId);
    const parsed = definition.schema.parse(payload ?? {});
    const data = await definition.run(services, { accountId: identity.accountId, installationId: identity.installationId }, parsed);
    return { ok: true, data };
  } catch (error) {
    return { ok: false, error: toResolverError(error) };
  }
}

export function buildResolver(tables: readonly ResolverTable[]) {
  const resolver = new Resolver();
  for (const table of tables) {
    for (const key of Object.keys(table) as ResolverKey[]) {
      const definition = table[key] as ResolverDefinition<typeof key>;
      resolver.define(key, ({ payload, context }) => runDefinition(definition, payload, context));
    }
  }
  return resolver.getDefinitions();
}
