import { readSchedulerServiceTaskScheduleDefinitionFromConfig } from '@backstage/backend-plugin-api';
import { ConfigReader, type Config } from '@backstage/config';
import {
  resolveTemplateOptions,
  TemplateOptionsError,
  type FormOptions,
  type ManifestLayout,
  type PublishOptions,
  type SelectionOptions,
  type TemplateOptionsInput,
} from '../templates/options';
import { DEFAULT_ANNOTATION_PREFIX } from '../annotations';
import { readDirectClusters } from '@kube-platform/plugin-kubernetes-node';
import type { IngestorConfig, NameModel, NamespaceModel, SystemModel, WorkloadKindConfig } from './types';

export const CONFIG_ROOT = 'kubernetesIngestor';

export const DEFAULT_WORKLOAD_KINDS: WorkloadKindConfig[] = [
  { group: 'apps', kind: 'Deployment', componentType: 'service' },
  { group: 'apps', kind: 'StatefulSet', componentType: 'service' },
  { group: 'apps', kind: 'DaemonSet', componentType: 'service' },
  { group: 'batch', kind: 'CronJob', componentType: 'job' },
];

const DEFAULT_EXCLUDED_NAMESPACES = ['kube-system', 'kube-public', 'kube-node-lease'];

/** Annotations worth carrying from an object to its entity when nothing else is configured. */
const DEFAULT_COPY_KEYS = ['backstage.io/techdocs-ref', 'backstage.io/source-location', 'github.com/project-slug'];

function oneOf<T extends string>(config: Config, key: string, allowed: readonly T[], fallback: T): T {
  const value = config.getOptionalString(key);
  if (value === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(value)) {
    throw new Error(`Invalid value "${value}" for ${CONFIG_ROOT}.${key}: expected one of ${allowed.join(', ')}`);
  }
  return value as T;
}

function positiveInt(config: Config, key: string, fallback: number): number {
  const value = config.getOptionalNumber(key);
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value <= 0) {
    throw new Error(`Invalid value ${value} for ${CONFIG_ROOT}.${key}: expected a positive integer`);
  }
  return value;
}

function readWorkloadKinds(c: Config): WorkloadKindConfig[] {
  const custom = (c.getOptionalConfigArray('components.customWorkloadTypes') ?? []).map((w, i) => {
    const kind = w.getString('kind');
    if (!/^[A-Z][A-Za-z0-9]*$/.test(kind)) {
      throw new Error(`Invalid value "${kind}" for ${CONFIG_ROOT}.components.customWorkloadTypes[${i}].kind: expected a Kubernetes kind such as MyKind`);
    }
    return {
      // Backstage config has no empty strings: the core group is an absent `group` (or `core`).
      group: (w.getOptionalString('group') ?? 'core') === 'core' ? '' : w.getString('group'),
      kind,
      version: w.getOptionalString('version'),
      componentType: w.getOptionalString('componentType') ?? 'service',
    };
  });
  const defaults = c.getOptionalBoolean('components.disableDefaultWorkloadTypes') ? [] : DEFAULT_WORKLOAD_KINDS;
  const byKey = new Map<string, WorkloadKindConfig>();
  for (const k of [...defaults, ...custom]) byKey.set(`${k.group}/${k.kind}`, k);
  return [...byKey.values()];
}

function readSchedule(c: Config, key = 'schedule'): IngestorConfig['schedule'] {
  if (c.has(key)) return readSchedulerServiceTaskScheduleDefinitionFromConfig(c.getConfig(key));
  return { frequency: { minutes: 10 }, timeout: { minutes: 5 }, initialDelay: { seconds: 15 } };
}

/**
 * A string setting whose allowed values the template options check (one place for those rules, naming
 * the key); read here only with a typed getter, so a number or a list is already an error naming it.
 */
function optionalChoice<T extends string>(c: Config, key: string): T | undefined {
  return c.getOptionalString(key) as T | undefined;
}

/**
 * A boolean that must be written as one: Backstage's getter also takes "yes" or "1", and selection flags
 * were strict before this reader existed, so a quoted word stays an error naming the key.
 */
function strictBoolean(c: Config, key: string): boolean | undefined {
  const value = c.getOptional(key);
  if (value === undefined || typeof value === 'boolean') return value;
  throw new Error(`Invalid value for ${CONFIG_ROOT}.${key}: expected true or false`);
}

function optionalNumber(c: Config, key: string): number | undefined {
  return c.getOptionalNumber(key);
}

/** A map of strings (a label selector), every value read with a typed getter. */
function optionalStringMap(c: Config, key: string): Record<string, string> | undefined {
  const section = c.getOptionalConfig(key);
  if (!section) return undefined;
  return Object.fromEntries(section.keys().map(k => [k, section.getString(k)]));
}

/** Drops undefined values, so the template options' defaults apply to whatever is not configured. */
function defined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/**
 * `templates` mirrors the template options (see templates/options.ts), plus `enabled` and `schedule`.
 * Every key is read with a typed getter: a scalar where a list belongs is an error naming the key.
 */
function readTemplates(c: Config, annotationPrefix: string, owner: string, lifecycle: string): IngestorConfig['templates'] {
  const t = 'templates';
  const input: TemplateOptionsInput = defined({
    owner,
    lifecycle,
    namespace: c.getOptionalString(`${t}.namespace`),
    selection: defined({
      annotationPrefix,
      xrds: defined({
        enabled: strictBoolean(c, `${t}.selection.xrds.enabled`),
        ingestAll: strictBoolean(c, `${t}.selection.xrds.ingestAll`),
        composites: strictBoolean(c, `${t}.selection.xrds.composites`),
      }),
      crds: defined({
        enabled: strictBoolean(c, `${t}.selection.crds.enabled`),
        ingestAll: strictBoolean(c, `${t}.selection.crds.ingestAll`),
        groups: c.getOptionalStringArray(`${t}.selection.crds.groups`),
        names: c.getOptionalStringArray(`${t}.selection.crds.names`),
        labelSelector: optionalStringMap(c, `${t}.selection.crds.labelSelector`),
      }),
      versions: optionalChoice<SelectionOptions['versions']>(c, `${t}.selection.versions`),
    }),
    form: defined({
      defaults: optionalChoice<FormOptions['defaults']>(c, `${t}.form.defaults`),
      pageSize: optionalNumber(c, `${t}.form.pageSize`),
      maxDepth: optionalNumber(c, `${t}.form.maxDepth`),
    }),
    publish: defined({
      target: optionalChoice<PublishOptions['target']>(c, `${t}.publish.target`),
      repoUrl: c.getOptionalString(`${t}.publish.repoUrl`),
      targetBranch: c.getOptionalString(`${t}.publish.targetBranch`),
      allowRepoSelection: c.getOptionalBoolean(`${t}.publish.allowRepoSelection`),
      layout: optionalChoice<ManifestLayout>(c, `${t}.publish.layout`),
      pathTemplate: c.getOptionalString(`${t}.publish.pathTemplate`),
      allowedHosts: c.getOptionalStringArray(`${t}.publish.allowedHosts`),
    }),
  });
  try {
    const options = resolveTemplateOptions(input);
    return { enabled: c.getOptionalBoolean(`${t}.enabled`) ?? true, schedule: readSchedule(c, `${t}.schedule`), options };
  } catch (error) {
    if (error instanceof TemplateOptionsError) throw new Error(`Invalid value for ${CONFIG_ROOT}.templates.${error.key}: ${error.message}`);
    throw error;
  }
}

/** Kubernetes' DNS-1123 subdomain: what an annotation key's prefix must be. */
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

function readAnnotationPrefix(c: Config): string {
  const value = c.getOptionalString('annotationPrefix') ?? DEFAULT_ANNOTATION_PREFIX;
  if (value.length > 253 || !DNS_SUBDOMAIN.test(value)) {
    throw new Error(
      `Invalid value for ${CONFIG_ROOT}.annotationPrefix: expected a DNS subdomain such as kube-platform.io ` +
        '(lower-case letters, digits, "-" and ".", at most 253 characters), since it prefixes annotation keys',
    );
  }
  return value;
}

/**
 * Reads `kubernetesIngestor` once into typed, defaulted settings. A wrong value throws at startup with
 * an error that names the key (Backstage's Config does the same for wrong types).
 */
export function readIngestorConfig(root: Config): IngestorConfig {
  const c = root.getOptionalConfig(CONFIG_ROOT) ?? new ConfigReader({}, CONFIG_ROOT);
  const source = oneOf(c, 'clusters.source', ['proxy', 'direct'] as const, 'proxy');
  const direct = readDirectClusters(c);
  const kubeconfig = c.getOptionalString('clusters.kubeconfig');
  if (source === 'direct' && direct.length === 0 && !kubeconfig) {
    throw new Error(`${CONFIG_ROOT}.clusters.source is "direct" but neither ${CONFIG_ROOT}.clusters.kubeconfig nor ${CONFIG_ROOT}.clusters.direct is set`);
  }
  const annotationPrefix = readAnnotationPrefix(c);
  if (c.has('clusters.allowedClusterNames')) {
    throw new Error(`${CONFIG_ROOT}.clusters.allowedClusterNames is not a setting: use ${CONFIG_ROOT}.allowedClusterNames`);
  }
  const defaultOwner = c.getOptionalString('defaultOwner') ?? 'kubernetes-auto-ingested';
  const defaultLifecycle = c.getOptionalString('defaultLifecycle') ?? 'production';
  return {
    annotationPrefix,
    defaultOwner,
    defaultLifecycle,
    clusters: {
      source,
      allowedClusterNames: c.getOptionalStringArray('allowedClusterNames'),
      kubeconfig,
      contexts: c.getOptionalStringArray('clusters.contexts'),
      direct,
      requestTimeoutMs: positiveInt(c, 'clusters.requestTimeoutSeconds', 30) * 1000,
      concurrency: positiveInt(c, 'clusters.concurrency', 8),
      pageSize: positiveInt(c, 'clusters.pageSize', 500),
    },
    mappings: {
      namespaceModel: oneOf<NamespaceModel>(c, 'mappings.namespaceModel', ['cluster', 'default', 'namespace'], 'cluster'),
      nameModel: oneOf<NameModel>(c, 'mappings.nameModel', ['name-namespace', 'name-namespace-cluster', 'name-cluster', 'name'], 'name-namespace'),
      systemModel: oneOf<SystemModel>(c, 'mappings.systemModel', ['namespace', 'cluster-namespace', 'none'], 'namespace'),
    },
    components: {
      enabled: c.getOptionalBoolean('components.enabled') ?? true,
      ingestAsResources: c.getOptionalBoolean('components.ingestAsResources') ?? false,
      onlyIngestAnnotatedResources: c.getOptionalBoolean('components.onlyIngestAnnotatedResources') ?? false,
      excludedNamespaces: c.getOptionalStringArray('components.excludedNamespaces') ?? DEFAULT_EXCLUDED_NAMESPACES,
      includedNamespaces: c.getOptionalStringArray('components.includedNamespaces'),
      workloadKinds: readWorkloadKinds(c),
    },
    crossplane: {
      enabled: c.getOptionalBoolean('crossplane.enabled') ?? true,
      claims: { ingestAsResources: c.getOptionalBoolean('crossplane.claims.ingestAsResources') ?? false },
      composites: { ingestAsResources: c.getOptionalBoolean('crossplane.composites.ingestAsResources') ?? false },
    },
    copyAnnotations: {
      keys: c.getOptionalStringArray('copyAnnotations.keys') ?? DEFAULT_COPY_KEYS,
      prefixes: c.getOptionalStringArray('copyAnnotations.prefixes') ?? [],
    },
    schedule: readSchedule(c),
    watch: { enabled: c.getOptionalBoolean('watch.enabled') ?? true, followKinds: c.getOptionalBoolean('watch.followKinds') ?? true },
    templates: readTemplates(c, annotationPrefix, defaultOwner, defaultLifecycle),
  };
}
