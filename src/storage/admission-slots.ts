// At most N rows per owner, atomically, with one INSERT: each counted row holds a slot
// number below N and a unique (owner, slot) index refuses a second row in the same slot.
// A COUNT-then-INSERT (or INSERT ... SELECT ... WHERE COUNT < N) is not enough: Forge SQL
// is TiDB, which takes no gap locks, so concurrent inserts all see the same count. Two
// writers that pick the same free slot collide on the index; the loser reads again.
import { randomInt } from 'node:crypto';

// SQLite says "UNIQUE constraint failed", MySQL/MariaDB/TiDB "Duplicate entry".
// Checked by shape, not instanceof: driver errors may come from another realm.
export const isUniqueViolation = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && 'message' in error && /unique constraint|duplicate entry/i.test(String(error.message));

export interface SlotOccupancy {
  /** Slots held now. */
  taken: readonly number[];
  /** Counted rows from before slots existed (NULL slot): each shrinks the usable range by one. */
  unslotted: number;
  /** Slots held by rows that no longer count (expired tokens): each widens the range by one. */
  retired?: number;
}

/**
 * Inserts with a free slot below `cap`; false when every slot is held. `insert` must fail
 * with a unique violation when its slot is taken, and with nothing else it can retry.
 */
export async function insertInFreeSlot(cap: number, occupancy: () => Promise<SlotOccupancy>, insert: (slot: number) => Promise<void>): Promise<boolean> {
  // Each lost race means another writer took a slot, so the attempts needed are bounded
  // by the cap; the margin covers slots freed and retaken meanwhile.
  for (let attempt = 0; attempt < cap * 2 + 8; attempt += 1) {
    const { taken, unslotted, retired = 0 } = await occupancy();
    const held = new Set(taken);
    const free: number[] = [];
    for (let slot = 0; slot < cap - unslotted + retired; slot += 1) if (!held.has(slot)) free.push(slot);
    if (free.length === 0) return false;
    // A random free slot, so concurrent writers rarely pick the same one.
    const slot = free[randomInt(free.length)] ?? 0;
    try {
      await insert(slot);
      return true;
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
  }
  return false;
}
