// Hooks the audit log into token verification without the verifier knowing of it: refused
// uses are counted (one row per token, hour, reason and address), and a successful use from
// an address the token was never used from is an event. Writing the log never fails a request.
import type { TokenAddressRepository } from '../storage/token-address-repository';
import type { LastUseRecorder } from '../tokens/last-use-recorder';
import { TokenRejectedError } from '../tokens/token-rejected-error';
import type { TokenVerifier } from '../tokens/token-verifier';
import type { AuditRecorder } from './audit-recorder';

/** A known address of a token is written again (its "last seen") at most this often per container. */
export const ADDRESS_WRITE_INTERVAL_MS = 60_000;
/** Addresses remembered per container; beyond this the oldest are forgotten (and re-checked in SQL). */
const REMEMBERED_ADDRESSES = 10_000;

function logFailure(what: string, error: unknown): void {
  console.error(what, error instanceof Error ? error.name : typeof error);
}

export function recordingRefusals(verifier: TokenVerifier, recorder: AuditRecorder, clock: { now(): number }): TokenVerifier {
  return {
    async verify(token, request) {
      try {
        return await verifier.verify(token, request);
      } catch (error) {
        if (error instanceof TokenRejectedError && error.reason !== 'MISSING') {
          await recorder
            .refused({ at: clock.now(), tokenId: error.tokenId ?? null, ownerAccountId: error.ownerAccountId ?? null, reason: error.reason, ip: request.ip })
            .catch((failure: unknown) => logFailure('refused use not recorded', failure));
        }
        throw error;
      }
    },
  };
}

export function trackingAddresses(lastUse: LastUseRecorder, addresses: TokenAddressRepository, recorder: AuditRecorder): LastUseRecorder {
  const written = new Map<string, number>();
  return {
    async record(token, now, ip) {
      await lastUse.record(token, now, ip);
      if (ip === null) return;
      const key = `${token.id} ${ip}`;
      const last = written.get(key);
      if (last !== undefined && now - last < ADDRESS_WRITE_INTERVAL_MS) return;
      written.delete(key);
      written.set(key, now);
      if (written.size > REMEMBERED_ADDRESSES) written.delete(written.keys().next().value ?? key);
      try {
        if (await addresses.see(token.id, ip, now)) await recorder.newAddress(token, ip, now);
      } catch (error) {
        logFailure('token address not recorded', error);
      }
    },
  };
}
