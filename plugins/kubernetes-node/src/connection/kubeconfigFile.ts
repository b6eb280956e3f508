import { readFileSync } from 'node:fs';
import { KubeConfig } from '@kubernetes/client-node';
import { isMap, parseDocument } from 'yaml';

/**
 * A kubeconfig that cannot be used. The message names the file (or "inline kubeconfig") and, for YAML
 * errors, the line and column; it never quotes the file, whose lines may hold tokens or keys.
 *
 * @public
 */
export class KubeconfigError extends Error {
  /** The file's path, or `inline kubeconfig`. */
  readonly source: string;
  /** 1-based line of a YAML error. */
  readonly line?: number;

  constructor(source: string, problem: string, line?: number) {
    super(`${source}: ${problem}`);
    this.name = 'KubeconfigError';
    this.source = source;
    this.line = line;
  }
}

/** The credential forms a kubeconfig user can carry; any one of them is enough. */
const CREDENTIAL_FIELDS = ['token', 'tokenFile', 'token-file', 'client-certificate', 'client-certificate-data', 'client-key', 'client-key-data', 'exec', 'auth-provider', 'username'];

/**
 * Loads a kubeconfig from a file or a string into client-node's KubeConfig, checking first what
 * client-node would otherwise report as a YAML dump (token included) or a TypeError: syntax errors
 * (file and line only), an empty document, no contexts, and a context whose user has no credentials.
 *
 * @public
 */
export function loadKubeconfig(input: { path?: string; yaml?: string }): KubeConfig {
  let source: string;
  let text: string;
  if (input.path) {
    source = `kubeconfig ${input.path}`;
    try {
      text = readFileSync(input.path, 'utf8');
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code ?? 'unreadable';
      throw new KubeconfigError(source, `cannot be read (${code})`);
    }
  } else if (input.yaml !== undefined) {
    source = 'inline kubeconfig';
    text = input.yaml;
  } else {
    throw new KubeconfigError('kubeconfig', 'a kubeconfig path or its contents is required');
  }

  // prettyErrors (the default) computes linePos; its message, which quotes the text, is never used.
  const doc = parseDocument(text);
  const first = doc.errors[0];
  if (first) {
    const line = first.linePos?.[0]?.line;
    const col = first.linePos?.[0]?.col;
    // Only the position and the error's code: the error's own message quotes the offending text.
    throw new KubeconfigError(source, `is not valid YAML (${first.code}) at line ${line ?? '?'}, column ${col ?? '?'}`, line);
  }
  const root: unknown = doc.toJS();
  if (root === null || root === undefined || (typeof root === 'string' && root.trim() === '')) {
    throw new KubeconfigError(source, 'is empty');
  }
  if (!isMap(doc.contents)) throw new KubeconfigError(source, 'is not a kubeconfig (expected a mapping with clusters, users and contexts)');
  const config = root as { contexts?: unknown; users?: unknown };
  if (!Array.isArray(config.contexts) || config.contexts.length === 0) throw new KubeconfigError(source, 'has no contexts');
  checkCredentials(source, config.contexts, Array.isArray(config.users) ? config.users : []);

  const kc = new KubeConfig();
  try {
    kc.loadFromString(text);
  } catch (err) {
    // client-node's structural messages name fields ("clusters[0].name is missing"); keep only the first
    // line in case a parser appended a snippet of the file.
    const message = err instanceof Error ? err.message.split('\n')[0] : 'unreadable';
    throw new KubeconfigError(source, `is not a valid kubeconfig: ${message}`);
  }
  return kc;
}

function checkCredentials(source: string, contexts: unknown[], users: unknown[]): void {
  const byName = new Map<string, Record<string, unknown>>();
  for (const u of users) {
    const entry = u as { name?: unknown; user?: unknown };
    if (typeof entry?.name === 'string') byName.set(entry.name, (entry.user ?? {}) as Record<string, unknown>);
  }
  for (const c of contexts) {
    const entry = c as { name?: unknown; context?: { user?: unknown } };
    const contextName = typeof entry?.name === 'string' ? entry.name : '(unnamed)';
    const userName = entry?.context?.user;
    if (typeof userName !== 'string' || userName === '') {
      throw new KubeconfigError(source, `context ${contextName} names no user, so requests would carry no credentials`);
    }
    const user = byName.get(userName);
    if (!user) throw new KubeconfigError(source, `context ${contextName} names user ${userName}, which the file does not define`);
    if (!CREDENTIAL_FIELDS.some(f => user[f] !== undefined && user[f] !== null && user[f] !== '')) {
      throw new KubeconfigError(
        source,
        `user ${userName} (context ${contextName}) has no token, client certificate, exec plugin or auth provider`,
      );
    }
  }
}
