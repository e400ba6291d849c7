// Per-installation HS256 keys in secret storage. Each key lives under its own secret name
// (by kid) and a pointer names the current one, so two first uses racing each other can
// at worst leave two valid keys, never a token whose key was overwritten.
import { createSecretKey, randomBytes, type KeyObject } from 'node:crypto';
import type { SecretStore } from '../kernel/ports';

const CURRENT_KEY_POINTER = 'jwt-signing-key-current';
const KID_PATTERN = /^[A-Za-z0-9_-]{8,64}$/;
const secretNameFor = (kid: string): string => `jwt-signing-key-${kid}`;

export interface SigningKey {
  kid: string;
  /** Made once per key: jose would otherwise build a KeyObject from the bytes at every verification. */
  secret: KeyObject;
}

export interface SigningKeys {
  /** The key new tokens are signed with; created on first use. */
  current(): Promise<SigningKey>;
  /** A key by id, for verification; undefined when this installation has no such key. */
  byId(kid: string): Promise<SigningKey | undefined>;
  /** Makes a new key the current one: it signs every token issued from now on; older keys still verify. */
  rotate(): Promise<SigningKey>;
}

export function isWellFormedKid(kid: string): boolean {
  return KID_PATTERN.test(kid);
}

export function createSigningKeys(secrets: SecretStore): SigningKeys {
  // Keys never change once written, so a container may keep them for its lifetime.
  const cache = new Map<string, SigningKey>();

  async function byId(kid: string): Promise<SigningKey | undefined> {
    if (!isWellFormedKid(kid)) return undefined;
    const cached = cache.get(kid);
    if (cached) return cached;
    const encoded = await secrets.get(secretNameFor(kid));
    if (encoded === undefined) return undefined;
    const key = { kid, secret: createSecretKey(Buffer.from(encoded, 'base64url')) };
    cache.set(kid, key);
    return key;
  }

  // The secret is written before the pointer names it, so no reader sees a kid without a key.
  async function createCurrent(): Promise<SigningKey> {
    const kid = randomBytes(12).toString('base64url');
    const bytes = randomBytes(32); // 256 bits from the CSPRNG
    await secrets.set(secretNameFor(kid), bytes.toString('base64url'));
    await secrets.set(CURRENT_KEY_POINTER, kid);
    const key = { kid, secret: createSecretKey(bytes) };
    cache.set(kid, key);
    return key;
  }

  return {
    byId,
    async current() {
      const pointer = await secrets.get(CURRENT_KEY_POINTER);
      if (pointer !== undefined) {
        const key = await byId(pointer);
        if (key) return key;
      }
      return createCurrent();
    },
    rotate: createCurrent,
  };
}
