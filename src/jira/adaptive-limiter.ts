// How many Jira requests one report has in flight: at most `max` (8 by default), halved
// when Jira throttles (429, or 503 "overloaded") and grown back by one slot per window
// of successful answers: additive increase, multiplicative decrease, as TCP does. So a
// throttling Jira gets fewer requests from us, not the same burst again after each wait.
// Waiting requests start in priority order (lower first), so the stages on the critical
// path (the next search page, then permission checks) never queue behind bulk fetches.

export const DEFAULT_MAX_IN_FLIGHT = 8;

export type RequestOutcome = 'ok' | 'throttled' | 'failed';

export interface LimiterSlot {
  /** Frees the slot and tells the limiter how the request went. */
  release(outcome: RequestOutcome): void;
}

interface Waiter {
  priority: number;
  order: number;
  grant(slot: LimiterSlot): void;
}

export class AdaptiveLimiter {
  /** Slots allowed now (fractional while growing back). */
  private window: number;
  private active = 0;
  private readonly waiting: Waiter[] = [];
  private order = 0;
  /** Bumped at each decrease: answers to requests sent before it do not decrease again. */
  private epoch = 0;
  private peak = 0;
  private readonly activeByPriority = new Map<number, number>();

  /** `caps` bounds the requests of one priority in flight at once (the big answers: memory). */
  constructor(
    private readonly max: number = DEFAULT_MAX_IN_FLIGHT,
    private readonly min: number = 1,
    private readonly caps: ReadonlyMap<number, number> = new Map(),
  ) {
    if (max < 1 || min < 1 || min > max) throw new Error('a limiter needs 1 <= min <= max');
    this.window = max;
  }

  /** The current limit, whole slots. */
  limit(): number {
    return Math.max(this.min, Math.floor(this.window));
  }

  /** Most requests that were in flight at once so far. */
  peakInFlight(): number {
    return this.peak;
  }

  acquire(priority = 0): Promise<LimiterSlot> {
    return new Promise((grant) => {
      this.waiting.push({ priority, order: (this.order += 1), grant });
      this.dispatch();
    });
  }

  /** Runs `task` in a slot; `outcomeOf` classifies its result (a throw counts as failed). */
  async run<T>(priority: number, task: () => Promise<T>, outcomeOf: (result: T) => RequestOutcome): Promise<T> {
    const slot = await this.acquire(priority);
    let outcome: RequestOutcome = 'failed';
    try {
      const result = await task();
      outcome = outcomeOf(result);
      return result;
    } finally {
      slot.release(outcome);
    }
  }

  private dispatch(): void {
    while (this.active < this.limit() && this.waiting.length > 0) {
      let best = -1;
      for (let i = 0; i < this.waiting.length; i += 1) {
        const candidate = this.waiting[i]!;
        if ((this.activeByPriority.get(candidate.priority) ?? 0) >= (this.caps.get(candidate.priority) ?? Number.POSITIVE_INFINITY)) continue;
        const current = best < 0 ? undefined : this.waiting[best]!;
        if (!current || candidate.priority < current.priority || (candidate.priority === current.priority && candidate.order < current.order)) best = i;
      }
      if (best < 0) return;
      const [waiter] = this.waiting.splice(best, 1);
      if (!waiter) return;
      const priority = waiter.priority;
      this.activeByPriority.set(priority, (this.activeByPriority.get(priority) ?? 0) + 1);
      this.active += 1;
      this.peak = Math.max(this.peak, this.active);
      const sentIn = this.epoch;
      let released = false;
      waiter.grant({
        release: (outcome) => {
          if (released) return;
          released = true;
          this.active -= 1;
          this.activeByPriority.set(priority, (this.activeByPriority.get(priority) ?? 1) - 1);
          this.adjust(outcome, sentIn);
          this.dispatch();
        },
      });
    }
  }

  private adjust(outcome: RequestOutcome, sentIn: number): void {
    if (outcome === 'throttled') {
      // One decrease per round trip: the other requests of the same burst were sent
      // before Jira's answer could reach us, so they say nothing new.
      if (sentIn !== this.epoch) return;
      this.epoch += 1;
      this.window = Math.max(this.min, Math.floor(this.window / 2));
    } else if (outcome === 'ok') {
      this.window = Math.min(this.max, this.window + 1 / Math.max(1, Math.floor(this.window)));
    }
  }
}
