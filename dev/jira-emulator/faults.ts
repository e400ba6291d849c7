// Fault knobs for tests and benches: latency, 429 bursts with Retry-After, 5xx answers
// and dropped connections. Counters are deterministic (every Nth request) so tests can
// say exactly what happens without sleeping or guessing.

export interface FaultOptions {
  /** Added before every answer, in milliseconds. */
  latencyMs?: number;
  /**
   * 429 Too Many Requests: `count` consecutive requests are refused, starting with the
   * next one, and again every `every` requests when given.
   */
  rateLimit?: { count: number; every?: number; retryAfterSeconds?: number };
  /** Server errors (default 503, with Retry-After when retryAfterSeconds is set). */
  serverErrors?: { count: number; every?: number; status?: number; retryAfterSeconds?: number };
  /** The socket is destroyed without an answer. */
  dropConnections?: { count: number; every?: number };
  /** Only requests whose path starts with this are subject to the faults above. */
  pathPrefix?: string;
}

export type FaultDecision =
  { kind: 'none' } | { kind: 'rateLimit'; retryAfterSeconds: number } | { kind: 'serverError'; status: number; retryAfterSeconds?: number } | { kind: 'drop' };

/** A burst of `count` starting at request 0 and repeating every `every` requests. */
function inBurst(index: number, rule: { count: number; every?: number }): boolean {
  if (rule.every !== undefined && rule.every > 0) return index % rule.every < rule.count;
  return index < rule.count;
}

export class FaultInjector {
  private options: FaultOptions = {};
  private seen = 0;

  set(options: FaultOptions): void {
    this.options = options;
    this.seen = 0;
  }

  get latencyMs(): number {
    return this.options.latencyMs ?? 0;
  }

  decide(path: string): FaultDecision {
    const o = this.options;
    if (o.pathPrefix !== undefined && !path.startsWith(o.pathPrefix)) return { kind: 'none' };
    const index = this.seen;
    this.seen += 1;
    if (o.dropConnections && inBurst(index, o.dropConnections)) return { kind: 'drop' };
    if (o.rateLimit && inBurst(index, o.rateLimit)) {
      return { kind: 'rateLimit', retryAfterSeconds: o.rateLimit.retryAfterSeconds ?? 1 };
    }
    if (o.serverErrors && inBurst(index, o.serverErrors)) {
      const decision: FaultDecision = { kind: 'serverError', status: o.serverErrors.status ?? 503 };
      if (o.serverErrors.retryAfterSeconds !== undefined) decision.retryAfterSeconds = o.serverErrors.retryAfterSeconds;
      return decision;
    }
    return { kind: 'none' };
  }
}
