// nextPageToken as clients see it: the report's page position, sealed with an HMAC-SHA256
// under a per-installation key in secret storage and bound to the owner, the token id, a
// hash of the request's canonical parameters and an expiry. The position holds the JQL
// the app runs (already rewritten for the owner), so an unsigned token would let a client
// run its own JQL as the app; a token from another query would silently continue that
// one. Anything but a token this API issued for this token and these parameters, still
// fresh, is one 400 naming nextPageToken (the reason is not told apart).
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { fieldError } from '../kernel/errors';
import type { Clock, SecretStore } from '../kernel/ports';
import type { ReportParams } from './report-params';

/** How long a page token continues its query: far longer than any client pages for. */
export const PAGE_TOKEN_TTL_MS = 3_600_000;
const KEY_SECRET = 'page-token-key';
const PREFIX = 'p1';

export interface PageTokenBinding {
  ownerAccountId: string;
  tokenId: string;
  params: ReportParams;
}

export interface PageTokens {
  /** The client's nextPageToken for a report position. */
  seal(position: string, binding: PageTokenBinding): Promise<string>;
  /** The position inside a client's nextPageToken; a FieldError on nextPageToken otherwise. */
  open(token: string, binding: PageTokenBinding): Promise<string>;
}

/** JSON with object keys sorted, so equal parameters hash alike whatever built them. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** What a page continues: everything but where it starts, how big it is and how it is written. */
function paramsHash(params: ReportParams): string {
  const { nextPageToken: _next, startIssueIndex: _start, pageSize: _size, outputType: _output, ...query } = params;
  return createHash('sha256').update(canonicalJson(query)).digest('base64url');
}

const invalid = () =>
  fieldError('nextPageToken', 'is not a page token this API issued for this token and these parameters, or it has expired; start again from the first page');

export function createPageTokens(deps: { secrets: SecretStore; clock: Clock }): PageTokens {
  let key: Promise<Buffer> | undefined;
  function keyOnce(): Promise<Buffer> {
    key ??= (async () => {
      const stored = await deps.secrets.get(KEY_SECRET);
      if (stored !== undefined) return Buffer.from(stored, 'base64url');
      await deps.secrets.set(KEY_SECRET, randomBytes(32).toString('base64url'));
      // Two first uses may race: read back, so both sign with whichever was stored last.
      return Buffer.from((await deps.secrets.get(KEY_SECRET)) ?? '', 'base64url');
    })();
    key.catch(() => (key = undefined));
    return key;
  }
  const mac = async (body: string, binding: PageTokenBinding): Promise<Buffer> =>
    createHmac('sha256', await keyOnce())
      .update(`${body}\u0000${binding.ownerAccountId}\u0000${binding.tokenId}\u0000${paramsHash(binding.params)}`)
      .digest();

  return {
    async seal(position, binding) {
      const body = Buffer.from(JSON.stringify({ p: position, e: deps.clock.now() + PAGE_TOKEN_TTL_MS })).toString('base64url');
      return `${PREFIX}.${body}.${(await mac(body, binding)).toString('base64url')}`;
    },
    async open(token, binding) {
      const [prefix, body, signature, ...rest] = token.split('.');
      if (prefix !== PREFIX || body === undefined || signature === undefined || rest.length > 0) throw invalid();
      const expected = await mac(body, binding);
      const given = Buffer.from(signature, 'base64url');
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw invalid();
      let payload: unknown;
      try {
        payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
      } catch {
        throw invalid();
      }
      const { p, e } = (payload ?? {}) as { p?: unknown; e?: unknown };
      if (typeof p !== 'string' || typeof e !== 'number' || e <= deps.clock.now()) throw invalid();
      return p;
    },
  };
}
