/** A misbehaviour to inject into requests whose method and path match. */
export interface FaultRule {
  /** Matched against the URL path (no query). A string is a regular expression. Absent: every path. */
  path?: string | RegExp;
  /** HTTP method, e.g. `GET`. Absent: every method. */
  method?: string;
  /** Only requests that are (true) or are not (false) watches. Absent: both. */
  watch?: boolean;
  /** Delay before answering. */
  latencyMs?: number;
  /** Answer with this status code and a Status body instead of serving the request. */
  status?: number;
  /** Answer nothing and keep the connection open, like a server that hangs. */
  hang?: boolean;
  /** Send this many bytes of the real response body, then drop the connection. */
  dropAfterBytes?: number;
  /** Every continue token on matching requests is treated as expired (410 Gone). */
  expireContinue?: boolean;
  /** Share of matching requests affected, spread evenly (0.5: every second one). Default 1. */
  share?: number;
  /** Stop after affecting this many requests. */
  times?: number;
}

export interface FaultEffect {
  latencyMs: number;
  status?: number;
  hang: boolean;
  dropAfterBytes?: number;
  expireContinue: boolean;
}

interface ActiveRule {
  rule: FaultRule;
  pattern?: RegExp;
  seen: number;
  hits: number;
}

/** Fault injection for tests: deterministic, so a test that asks for every second request gets exactly that. */
export class FaultInjector {
  private rules: ActiveRule[] = [];
  unavailable = false;

  /** Adds a rule; the returned function removes it. */
  add(rule: FaultRule): () => void {
    const active: ActiveRule = {
      rule,
      pattern: rule.path === undefined ? undefined : typeof rule.path === 'string' ? new RegExp(rule.path) : rule.path,
      seen: 0,
      hits: 0,
    };
    this.rules.push(active);
    return () => {
      this.rules = this.rules.filter(r => r !== active);
    };
  }

  clear(): void {
    this.rules = [];
    this.unavailable = false;
  }

  /**
   * The combined effect of every rule that fires for this request. A continue-expiring rule only
   * counts requests that carry a continue token, so `times: 1` expires exactly one token.
   */
  effectFor(method: string, path: string, isWatch: boolean, hasContinue = false): FaultEffect {
    const effect: FaultEffect = { latencyMs: 0, hang: false, expireContinue: false };
    for (const r of this.rules) {
      const { rule } = r;
      if (rule.method && rule.method.toUpperCase() !== method) continue;
      if (rule.watch !== undefined && rule.watch !== isWatch) continue;
      if (rule.expireContinue && !hasContinue) continue;
      if (r.pattern && !r.pattern.test(path)) continue;
      if (rule.times !== undefined && r.hits >= rule.times) continue;
      r.seen++;
      const share = rule.share ?? 1;
      if (Math.floor(r.seen * share) === Math.floor((r.seen - 1) * share)) continue;
      r.hits++;
      effect.latencyMs += rule.latencyMs ?? 0;
      effect.status ??= rule.status;
      effect.hang ||= Boolean(rule.hang);
      effect.dropAfterBytes ??= rule.dropAfterBytes;
      effect.expireContinue ||= Boolean(rule.expireContinue);
    }
    return effect;
  }
}
