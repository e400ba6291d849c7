import { SignJWT } from 'jose';
import { hashToken, readKeyId, signToken, verifyTokenText } from '../../../src/tokens/jwt-codec';
import { createSigningKeys, type SigningKey } from '../../../src/tokens/signing-keys';
import { TokenRejectedError } from '../../../src/tokens/token-rejected-error';
import type { SecretStore } from '../../../src/kernel/ports';

function memorySecrets(): SecretStore & { values: Map<string, string>; reads: string[] } {
  const values = new Map<string, string>();
  const reads: string[] = [];
  return {
    values,
    reads,
    async get(key) {
      reads.push(key);
      return values.get(key);
    },
    async set(key, value) {
      values.set(key, value);
    },
  };
}

const claims = { installationId: 'site-1', accountId: 'acc-1', tokenId: '3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f', issuedAt: Date.UTC(2026, 0, 1) };

async function rejection(promise: Promise<unknown> | (() => unknown)): Promise<string> {
  try {
    await (typeof promise === 'function' ? promise() : promise);
  } catch (error) {
    if (error instanceof TokenRejectedError) return error.reason;
    throw error;
  }
  throw new Error('expected a rejection');
}

describe('jwt codec', () => {
  let key: SigningKey;
  beforeAll(async () => {
    key = await createSigningKeys(memorySecrets()).current();
  });

  it('round-trips the claims of a signed token', async () => {
    const token = await signToken(claims, key);
    expect(readKeyId(token)).toBe(key.kid);
    expect(await verifyTokenText(token, key, 'site-1')).toMatchObject({
      iss: 'status-clock:site-1',
      aud: 'status-clock-rest',
      sub: 'acc-1',
      jti: claims.tokenId,
      iat: claims.issuedAt / 1000,
    });
    expect(hashToken(token)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('gives a new text each time, even within one second', async () => {
    expect(await signToken(claims, key)).not.toBe(await signToken(claims, key));
  });

  it('refuses another key, another installation, and algorithms other than HS256', async () => {
    const token = await signToken(claims, key);
    const other = await createSigningKeys(memorySecrets()).current();
    expect(await rejection(verifyTokenText(token, { kid: key.kid, secret: other.secret }, 'site-1'))).toBe('BAD_SIGNATURE');
    expect(await rejection(verifyTokenText(token, key, 'site-2'))).toBe('BAD_CLAIMS');
    const hs512 = await new SignJWT({}).setProtectedHeader({ alg: 'HS512', kid: key.kid }).sign(key.secret);
    expect(await rejection(() => readKeyId(hs512))).toBe('MALFORMED');
    const noKid = await new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).sign(key.secret);
    expect(await rejection(() => readKeyId(noKid))).toBe('MALFORMED');
    expect(await rejection(() => readKeyId(`${token}.extra`))).toBe('MALFORMED');
    expect(await rejection(() => readKeyId('x'.repeat(3000)))).toBe('MALFORMED');
  });

  it('refuses a correctly signed token whose claims are not ours', async () => {
    const foreign = await new SignJWT({ sub: 'acc-1' })
      .setProtectedHeader({ alg: 'HS256', kid: key.kid })
      .setIssuer('status-clock:site-1')
      .setAudience('status-clock-rest')
      .sign(key.secret);
    expect(await rejection(verifyTokenText(foreign, key, 'site-1'))).toBe('BAD_CLAIMS');
  });
});

describe('signing keys', () => {
  it('creates a 256-bit key on first use and reuses it', async () => {
    const secrets = memorySecrets();
    const keys = createSigningKeys(secrets);
    const first = await keys.current();
    expect(first.secret.symmetricKeySize).toBe(32);
    expect((await keys.current()).kid).toBe(first.kid);
    expect((await createSigningKeys(secrets).current()).kid).toBe(first.kid);
    expect(new Set(secrets.values.keys())).toEqual(new Set(['jwt-signing-key-current', `jwt-signing-key-${first.kid}`]));
  });

  it('finds keys by id and never looks up a malformed id', async () => {
    const secrets = memorySecrets();
    const keys = createSigningKeys(secrets);
    const key = await keys.current();
    expect((await createSigningKeys(secrets).byId(key.kid))?.secret).toEqual(key.secret);
    expect(await keys.byId('unknown-kid-123')).toBeUndefined();
    secrets.reads.length = 0;
    expect(await keys.byId('../../etc')).toBeUndefined();
    expect(secrets.reads).toEqual([]);
  });
});
