/**
 * The contract between the Templates the ingestor generates and the scaffolder actions that run them.
 * `docs/scaffolder-actions.md` is the prose; this file is the part both plugins compile against.
 */

/** Renders a validated, minimal manifest into the workspace. */
export const RENDER_MANIFEST_ACTION_ID = 'kubernetes:manifest:render';
/** Commits workspace files and opens (or updates) a GitHub pull request. */
export const PULL_REQUEST_ACTION_ID = 'kubernetes:gitops:pull-request';
/** Pushes workspace files as a branch to any git remote. */
export const GIT_PUSH_ACTION_ID = 'kubernetes:gitops:push';

/**
 * Where the render action puts a manifest: `<cluster>/<namespace>/<kind>/<name>.yaml`, the same
 * without the cluster, or a `pathTemplate`.
 */
export type ManifestLayout = 'cluster-namespace-kind' | 'namespace-kind' | 'custom';

/** Every layout, the default first. */
export const MANIFEST_LAYOUTS: readonly ManifestLayout[] = ['cluster-namespace-kind', 'namespace-kind', 'custom'];

/**
 * Annotations the render action writes into a manifest, which the ingestor reads back from the live
 * object to link it to its owner, its Template and its file.
 */
export const GITOPS_ANNOTATIONS = {
  /** Entity ref of the owner; the ingestor reads it as `<annotationPrefix>/owner`. */
  owner: 'kube-platform.io/owner',
  /** Entity ref of the Template that produced the manifest. */
  template: 'kube-platform.io/template',
  /** Path of the manifest in the GitOps repository (workspace-relative when rendered). */
  gitopsPath: 'kube-platform.io/gitops-path',
} as const;

/**
 * What starts template syntax in the scaffolder's engine: an expression (`${{`), a statement (`{%`),
 * a comment (`{#`), and a comment end (`#}`), which alone is a parse error.
 */
const TEMPLATE_SYNTAX = /\$\{\{|\{%|\{#|#\}/;

/**
 * Whether the scaffolder would return `text` unchanged when it evaluates a step input or output: it
 * holds nothing that starts template syntax. Text from a cluster may reach a step only when inert, or
 * encoded (see {@link encodeSchema}).
 */
export function isInertText(text: string): boolean {
  return !TEMPLATE_SYNTAX.test(text);
}

/**
 * A schema as the render action's `schemaBase64` input: base64 of its JSON text. The scaffolder
 * evaluates every string of a step input; base64 (letters, digits, `+`, `/`, `=`) can hold no template
 * syntax, so text from a cluster (descriptions, enums, defaults, patterns) travels as data.
 */
export function encodeSchema(schema: object): string {
  const json = JSON.stringify(schema);
  // Node's Buffer is several times faster on megabyte schemas; browsers (this package is shared) take the portable way.
  const NodeBuffer = (globalThis as { Buffer?: { from(text: string, encoding: 'utf8'): { toString(encoding: 'base64'): string } } }).Buffer;
  if (NodeBuffer) return NodeBuffer.from(json, 'utf8').toString('base64');
  const bytes = new TextEncoder().encode(json);
  let binary = '';
  // In slices: String.fromCharCode takes its arguments on the stack.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Reads a `schemaBase64` input back; throws with a plain message when it is not base64 of a JSON object. */
export function decodeSchema(encoded: string): Record<string, unknown> {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(encoded) || encoded.length % 4 !== 0) {
    throw new Error('schemaBase64 is not base64 text');
  }
  const binary = atob(encoded);
  const bytes = Uint8Array.from(binary, c => c.charCodeAt(0));
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw new Error('schemaBase64 is not base64 of JSON text');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Error('schemaBase64 does not hold a JSON object');
  }
  return value as Record<string, unknown>;
}
