// Signing and checking token text with jose. HS256 is the only algorithm accepted; the
// header is inspected before any key is looked up, and claims are schema-checked after
// the signature verifies.
import { createHash, randomBytes } from 'node:crypto';
import { SignJWT, decodeProtectedHeader, errors as joseErrors, jwtVerify } from 'jose';
import { z } from 'zod';
import { type SigningKey, isWellFormedKid } from './signing-keys';
import { TokenRejectedError } from './token-rejected-error';

export const TOKEN_ALGORITHM = 'HS256';
export const TOKEN_AUDIENCE = 'status-clock-rest';
/** Longest token text considered at all: ours are about 300 characters. */
export const TOKEN_MAX_LENGTH = 2048;
const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

export interface TokenClaims {
  iss: string;
  aud: string;
  sub: string;
  jti: string;
  iat: number;
  /** Random per issue, so a token regenerated within the same second still differs. */
  nonce: string;
}

const claimsSchema = z.object({
  iss: z.string().min(1),
  aud: z.literal(TOKEN_AUDIENCE),
  sub: z.string().min(1).max(128),
  jti: z.string().uuid(),
  iat: z.number().int().nonnegative(),
  nonce: z.string().min(16).max(64),
});

export function issuerFor(installationId: string): string {
  return `status-clock:${installationId}`;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export async function signToken(claims: { installationId: string; accountId: string; tokenId: string; issuedAt: number }, key: SigningKey): Promise<string> {
  return new SignJWT({ nonce: randomBytes(16).toString('base64url') })
    .setProtectedHeader({ alg: TOKEN_ALGORITHM, typ: 'JWT', kid: key.kid })
    .setIssuer(issuerFor(claims.installationId))
    .setAudience(TOKEN_AUDIENCE)
    .setSubject(claims.accountId)
    .setJti(claims.tokenId)
    .setIssuedAt(Math.floor(claims.issuedAt / 1000))
    .sign(key.secret);
}

/** Size, shape and algorithm checks; returns the kid to look the key up by. */
export function readKeyId(token: string): string {
  if (token.length > TOKEN_MAX_LENGTH || !COMPACT_JWS.test(token)) throw new TokenRejectedError('MALFORMED');
  let header: ReturnType<typeof decodeProtectedHeader>;
  try {
    header = decodeProtectedHeader(token);
  } catch (cause) {
    throw new TokenRejectedError('MALFORMED', { cause });
  }
  if (header.alg !== TOKEN_ALGORITHM) throw new TokenRejectedError('MALFORMED');
  if (typeof header.kid !== 'string' || !isWellFormedKid(header.kid)) throw new TokenRejectedError('MALFORMED');
  return header.kid;
}

export async function verifyTokenText(token: string, key: SigningKey, installationId: string): Promise<TokenClaims> {
  let payload: unknown;
  try {
    ({ payload } = await jwtVerify(token, key.secret, {
      algorithms: [TOKEN_ALGORITHM],
      issuer: issuerFor(installationId),
      audience: TOKEN_AUDIENCE,
    }));
  } catch (cause) {
    if (cause instanceof joseErrors.JWSSignatureVerificationFailed) throw new TokenRejectedError('BAD_SIGNATURE', { cause });
    if (cause instanceof joseErrors.JWTClaimValidationFailed) throw new TokenRejectedError('BAD_CLAIMS', { cause });
    throw new TokenRejectedError('MALFORMED', { cause });
  }
  const claims = claimsSchema.safeParse(payload);
  if (!claims.success) throw new TokenRejectedError('BAD_CLAIMS');
  return claims.data;
}
