import { compareTuples } from './guards';
import { withSuffix } from './names';

/** One entity that wants a name. */
export interface NameClaim {
  /** `kind:namespace` (any case): names only collide within it. */
  scope: string;
  name: string;
  /** Sort key: the lowest claim keeps a contested name. Read once per resolution (it may be computed). */
  readonly rank: readonly string[];
  /** Tried in order when the name is taken, e.g. the Kubernetes kind, then a hash of the identity. */
  suffixes: readonly string[];
}

function refKey(scope: string, name: string): string {
  return `${scope}/${name}`.toLowerCase();
}

/**
 * Final names, in the order of `claims`, with every `scope/name` unique (case-insensitively, as
 * Backstage compares refs). Every uncontested name is reserved before any loser picks a suffixed one,
 * so a loser can never push out an object whose own name merely looks like a suffixed name.
 */
export function resolveNames(claims: readonly NameClaim[]): string[] {
  const ranks = claims.map(claim => claim.rank);
  const order = claims.map((_, index) => index).sort((a, b) => compareTuples(ranks[a], ranks[b]) || a - b);
  const names: string[] = new Array(claims.length);
  const taken = new Set<string>();
  const losers: number[] = [];

  for (const index of order) {
    const { scope, name } = claims[index];
    const key = refKey(scope, name);
    if (taken.has(key)) {
      losers.push(index);
    } else {
      taken.add(key);
      names[index] = name;
    }
  }

  for (const index of losers) {
    const { scope, name, suffixes } = claims[index];
    let candidate = name;
    for (const suffix of suffixes) {
      candidate = withSuffix(candidate, suffix);
      if (!taken.has(refKey(scope, candidate))) break;
    }
    // Only identical identities get here (the same object listed twice); a counter still keeps refs unique.
    for (let counter = 2; taken.has(refKey(scope, candidate)); counter++) {
      candidate = withSuffix(name, String(counter));
    }
    taken.add(refKey(scope, candidate));
    names[index] = candidate;
  }
  return names;
}
