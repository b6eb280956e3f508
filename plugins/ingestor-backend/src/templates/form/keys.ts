/**
 * Parameter keys. Backstage merges the values of all pages into one flat `parameters` object, so a key
 * must be unique across pages: spec fields take their own name when free, else their path.
 */

/** Keys the metadata, advanced and GitOps pages own. */
export const RESERVED_KEYS = [
  'name',
  'namespace',
  'owner',
  'clusters',
  'layout',
  'repoUrl',
  'targetBranch',
  'compositionName',
  'compositionSelector',
  'compositionUpdatePolicy',
  'connectionSecretName',
  'connectionSecretNamespace',
] as const;

export class KeyAllocator {
  private readonly used = new Set<string>(RESERVED_KEYS);

  /** A fresh key for the spec field at `path` (array markers ignored). Deterministic for a given order of calls. */
  allocate(path: string[]): string {
    const segments = path.filter(p => p !== '[]' && p !== '*');
    const joined = segments.join('_') || 'spec';
    for (const candidate of [segments[segments.length - 1], joined, `spec_${joined}`]) {
      if (candidate && !this.used.has(candidate)) return this.take(candidate);
    }
    let n = 2;
    while (this.used.has(`${joined}_${n}`)) n++;
    return this.take(`${joined}_${n}`);
  }

  private take(key: string): string {
    this.used.add(key);
    return key;
  }
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** The template expression reading a parameter, bracketed when the key is not an identifier. */
export function parameterRef(key: string): string {
  return IDENTIFIER.test(key) ? `parameters.${key}` : `parameters[${JSON.stringify(key)}]`;
}

/** A schema field name a template expression can name as `.name` (nested conditional bindings need that). */
export function isBindableName(name: string): boolean {
  return IDENTIFIER.test(name);
}

/** The template expression reading `at` below parameter `key`. */
export function parameterPathRef(key: string, at: string[] = []): string {
  for (const segment of at) {
    if (!IDENTIFIER.test(segment)) throw new Error(`field name ${JSON.stringify(segment)} cannot be read in a template expression`);
  }
  return [parameterRef(key), ...at].join('.');
}
