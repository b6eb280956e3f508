/**
 * Everything that shapes the generated Templates and APIs, as typed, defaulted data. The provider maps
 * its Config onto `TemplateOptionsInput`; the CLI maps its flags; both call `resolveTemplateOptions`,
 * which is the only place defaults live and the one place settings are checked (a bad setting is a
 * startup error naming its key, never a Template that says `undefined`).
 */
import { DEFAULT_ANNOTATION_PREFIX } from '../annotations';

/** How generated Templates publish the rendered manifest. */
export type PublishTarget = 'github-pr' | 'git-push' | 'none';
/** The render action's path layouts (docs/scaffolder-actions.md). */
export type ManifestLayout = 'cluster-namespace-kind' | 'namespace-kind' | 'custom';
export const MANIFEST_LAYOUTS: readonly ManifestLayout[] = ['cluster-namespace-kind', 'namespace-kind', 'custom'];

export interface PublishOptions {
  target: PublishTarget;
  /** RepoUrlPicker format (`github.com?owner=o&repo=r`) or, for `git-push`, any git remote URL. Asked in the form when absent. */
  repoUrl?: string;
  /** Fixed target branch; when absent the action uses the repository's default branch. */
  targetBranch?: string;
  /** Offer a repository picker even when `repoUrl` is set (it becomes the default). */
  allowRepoSelection: boolean;
  /** Fixed layout; when absent the form offers the non-custom layouts. */
  layout?: ManifestLayout;
  /** Required with `layout: custom`. */
  pathTemplate?: string;
  /** Hosts the repository picker allows. */
  allowedHosts: string[];
}

/** Which definitions become Templates. */
export interface SelectionOptions {
  /** Prefix of the opt-in (`<prefix>/add-to-catalog`) and opt-out (`<prefix>/exclude-from-catalog`) annotations. */
  annotationPrefix: string;
  /**
   * `composites`: an XRD with claim names also gets a Template for its (cluster-scoped) composite, for
   * platform engineers who create XRs directly; developers ask through the claim, which always has one.
   */
  xrds: { enabled: boolean; ingestAll: boolean; composites: boolean };
  /** A CRD is selected when `ingestAll`, or its group or name is listed, or its labels match `labelSelector`. */
  crds: { enabled: boolean; ingestAll: boolean; groups: string[]; names: string[]; labelSelector?: Record<string, string> };
  /** `referenceable`: the XRD's referenceable / the CRD's storage version; `served`: every served version. */
  versions: 'referenceable' | 'served';
}

export interface FormOptions {
  /** `prefill` puts schema defaults in the form; `placeholder` shows them as placeholders and lets the API server default. */
  defaults: 'prefill' | 'placeholder';
  /** A spec object with more leaf fields than this is split into pages along its child objects. */
  pageSize: number;
  /** Object/array nesting below a page field beyond which a value is edited as YAML. */
  maxDepth: number;
}

export interface TemplateOptions {
  /** Catalog namespace of the generated entities. */
  namespace: string;
  /** Owner when the definition has no `<prefix>/owner` annotation. */
  owner: string;
  lifecycle: string;
  selection: SelectionOptions;
  form: FormOptions;
  publish: PublishOptions;
}

/** What callers pass: any subset, nested. */
export interface TemplateOptionsInput {
  namespace?: string;
  owner?: string;
  lifecycle?: string;
  selection?: Partial<Omit<SelectionOptions, 'xrds' | 'crds'>> & {
    xrds?: Partial<SelectionOptions['xrds']>;
    crds?: Partial<SelectionOptions['crds']>;
  };
  form?: Partial<FormOptions>;
  publish?: Partial<PublishOptions>;
}

/** A setting that cannot produce working Templates; `key` is its path, e.g. `publish.pathTemplate`. */
export class TemplateOptionsError extends Error {
  constructor(readonly key: string, problem: string) {
    super(`templates option ${key} ${problem}`);
    this.name = 'TemplateOptionsError';
  }
}

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** Applies defaults and checks the result; throws TemplateOptionsError. */
export function resolveTemplateOptions(input: TemplateOptionsInput = {}): TemplateOptions {
  const s = input.selection ?? {};
  const options: TemplateOptions = {
    namespace: input.namespace ?? 'default',
    owner: input.owner ?? 'unknown',
    lifecycle: input.lifecycle ?? 'production',
    selection: {
      annotationPrefix: s.annotationPrefix ?? DEFAULT_ANNOTATION_PREFIX,
      xrds: { enabled: true, ingestAll: true, composites: false, ...s.xrds },
      crds: { enabled: true, ingestAll: false, groups: [], names: [], ...s.crds },
      versions: s.versions ?? 'referenceable',
    },
    form: { defaults: 'prefill', pageSize: 12, maxDepth: 4, ...input.form },
    publish: { target: 'github-pr', allowRepoSelection: false, allowedHosts: ['github.com'], ...input.publish },
  };
  check(options);
  return options;
}

function check(o: TemplateOptions): void {
  if (o.namespace.length > 63 || !DNS_LABEL.test(o.namespace)) throw new TemplateOptionsError('namespace', 'must be a DNS label');
  if (!o.owner) throw new TemplateOptionsError('owner', 'must not be empty');
  if (!o.lifecycle) throw new TemplateOptionsError('lifecycle', 'must not be empty');
  if (!['github-pr', 'git-push', 'none'].includes(o.publish.target)) {
    throw new TemplateOptionsError('publish.target', 'must be github-pr, git-push or none');
  }
  if (o.publish.layout !== undefined && !MANIFEST_LAYOUTS.includes(o.publish.layout)) {
    throw new TemplateOptionsError('publish.layout', `must be one of ${MANIFEST_LAYOUTS.join(', ')}`);
  }
  if (o.publish.layout === 'custom' && !o.publish.pathTemplate) {
    throw new TemplateOptionsError('publish.pathTemplate', 'is required when publish.layout is custom');
  }
  if (o.publish.allowedHosts.length === 0) throw new TemplateOptionsError('publish.allowedHosts', 'must list at least one host');
  if (!Number.isInteger(o.form.pageSize) || o.form.pageSize < 1) throw new TemplateOptionsError('form.pageSize', 'must be a positive integer');
  if (!Number.isInteger(o.form.maxDepth) || o.form.maxDepth < 1) throw new TemplateOptionsError('form.maxDepth', 'must be a positive integer');
  if (!['prefill', 'placeholder'].includes(o.form.defaults)) throw new TemplateOptionsError('form.defaults', 'must be prefill or placeholder');
  for (const [section, flags] of [['xrds', o.selection.xrds], ['crds', o.selection.crds]] as const) {
    for (const [key, value] of Object.entries(flags)) {
      if (['enabled', 'ingestAll', 'composites'].includes(key) && typeof value !== 'boolean') {
        throw new TemplateOptionsError(`selection.${section}.${key}`, 'must be true or false');
      }
    }
  }
  if (!['referenceable', 'served'].includes(o.selection.versions)) {
    throw new TemplateOptionsError('selection.versions', 'must be referenceable or served');
  }
}
