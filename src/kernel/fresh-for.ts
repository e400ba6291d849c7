// One value read from storage and kept for a short, stated time: the settings a request
// needs (the token policy, the installation IP allow-list, the expiry warning window) cost
// no SQL per request while warm. The writer in this container forgets the value, so its
// change takes effect here at once; other containers see it when their copy ages out.
import type { Clock } from './ports';

export interface FreshFor<T> {
  /** The kept value while younger than the fresh time, else a new read (concurrent callers share it). */
  get(): Promise<T>;
  /** Drop the kept value: the next get() reads again. */
  forget(): void;
}

export function freshFor<T>(read: () => Promise<T>, clock: Clock, freshMs: number): FreshFor<T> {
  let kept: { at: number; value: Promise<T> } | undefined;
  return {
    get() {
      const now = clock.now();
      if (kept === undefined || now - kept.at >= freshMs) {
        const entry = { at: now, value: read() };
        // A failed read is not kept: the next caller asks again. Only this read's own entry
        // is dropped, never one a later read or a forget() put in its place.
        entry.value.catch(() => {
          if (kept === entry) kept = undefined;
        });
        kept = entry;
      }
      return kept.value;
    },
    forget() {
      kept = undefined;
    },
  };
}
