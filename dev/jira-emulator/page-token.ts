// Opaque page tokens (base64url JSON) bound to the request they page through, so a
// token reused with another query is refused like Jira refuses it.
import { z } from 'zod';
import { JiraError } from './http';

const tokenSchema = z.object({ o: z.number().int().min(0), h: z.string(), p: z.number().int().min(0).optional() });
export type PageCursor = z.infer<typeof tokenSchema>;

export function fingerprint(text: string): string {
  let hash = 5381;
  for (let i = 0; i < text.length; i += 1) hash = (Math.imul(hash, 33) ^ text.charCodeAt(i)) >>> 0;
  return hash.toString(36);
}

export function encodeToken(cursor: PageCursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

export function decodeToken(token: string | undefined | null, expectedHash: string): PageCursor | undefined {
  if (token === undefined || token === null || token === '') return undefined;
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    throw new JiraError(400, ['The provided next page token is invalid or expired.']);
  }
  const parsed = tokenSchema.safeParse(json);
  if (!parsed.success || parsed.data.h !== expectedHash) throw new JiraError(400, ['The provided next page token is invalid or expired.']);
  return parsed.data;
}
