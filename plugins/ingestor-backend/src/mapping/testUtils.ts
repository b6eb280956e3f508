/* Test helpers for the mapping tests; not part of the package's surface. */
import { ConfigReader } from '@backstage/config';
import { mappingSettings } from '../config/mappingSettings';
import { readIngestorConfig } from '../config/readConfig';
import {
  componentEntityV1alpha1Validator,
  DefaultNamespaceEntityPolicy,
  Entity,
  EntityPolicies,
  FieldFormatEntityPolicy,
  NoForeignRootFieldsEntityPolicy,
  parseEntityRef,
  parseLocationRef,
  resourceEntityV1alpha1Validator,
  SchemaValidEntityPolicy,
  stringifyEntityRef,
  systemEntityV1alpha1Validator,
} from '@backstage/catalog-model';
import type { MappingSettings } from '../config/types';
import type { ClusterObject, ClusterReading, KubeObject, NamespaceInfo, SourceKind } from '../types';

/** Mapping tests' defaults, applied through the config reader like any app-config (one way to build settings). */
const MAPPING_TEST_CONFIG = {
  defaultOwner: 'group:default/platform',
  clusters: { source: 'direct', kubeconfig: 'unused', concurrency: 4 },
  copyAnnotations: { keys: [], prefixes: [] },
  watch: { enabled: false, followKinds: true },
  templates: { enabled: false },
};

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The mapping's settings as the provider builds them (reader, then {@link mappingSettings}), with the
 * test's overrides merged per section, as a test states only what it varies.
 */
export function testSettings(overrides: {
  [K in keyof MappingSettings]?: MappingSettings[K] extends object ? Partial<MappingSettings[K]> : MappingSettings[K];
} = {}): MappingSettings {
  const base = mappingSettings(readIngestorConfig(new ConfigReader({ kubernetesIngestor: MAPPING_TEST_CONFIG })));
  const sections: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(overrides)) {
    const current: unknown = base[key as keyof MappingSettings];
    sections[key] = isPlainObject(value) && isPlainObject(current) ? { ...current, ...value } : value;
  }
  return { ...base, ...sections };
}

const WORKLOAD_PLURALS: Record<string, [string, string]> = {
  Deployment: ['apps', 'deployments'],
  StatefulSet: ['apps', 'statefulsets'],
  DaemonSet: ['apps', 'daemonsets'],
  CronJob: ['batch', 'cronjobs'],
};

export function workloadKind(kind: keyof typeof WORKLOAD_PLURALS = 'Deployment'): SourceKind {
  const [group, plural] = WORKLOAD_PLURALS[kind];
  return {
    group,
    version: 'v1',
    kind,
    plural,
    namespaced: true,
    role: 'workload',
    defaultType: kind === 'CronJob' ? 'job' : 'service',
  };
}

export function claimKind(kind = 'PostgreSQLInstance', plural = 'postgresqlinstances'): SourceKind {
  return {
    group: 'database.example.org',
    version: 'v1alpha1',
    kind,
    plural,
    namespaced: true,
    role: 'claim',
    defaultType: 'crossplane-claim',
    xrdName: `x${plural}.database.example.org`,
  };
}

export function compositeKind(kind: string, group: string, namespaced: boolean, xrdName?: string): SourceKind {
  return {
    group,
    version: 'v1alpha1',
    kind,
    plural: `${kind.toLowerCase()}s`,
    namespaced,
    role: 'composite',
    defaultType: 'crossplane-xr',
    xrdName: xrdName ?? `${kind.toLowerCase()}s.${group}`,
  };
}

export function deployment(
  name: string,
  namespace: string,
  annotations: Record<string, unknown> = {},
  extra: Partial<KubeObject> = {},
): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace, annotations: annotations as Record<string, string> },
    spec: { selector: { matchLabels: { app: name } } },
    ...extra,
  };
}

export function objectsOf(cluster: string, source: SourceKind, objects: KubeObject[]): ClusterObject[] {
  return objects.map(object => ({ cluster, source, object }));
}

export function namespaceInfo(name: string, annotations: Record<string, string> = {}): NamespaceInfo {
  return { name, labels: {}, annotations };
}

export function reading(
  cluster: string,
  kinds: Array<{ source: SourceKind; objects: KubeObject[] }>,
  namespaces: NamespaceInfo[] = [],
): ClusterReading {
  return {
    cluster,
    namespaces,
    kinds: kinds.map(k => ({ source: k.source, outcome: { ok: true as const, value: k.objects } })),
    durationMs: 0,
  };
}

const envelopePolicy = EntityPolicies.allOf([
  new SchemaValidEntityPolicy(),
  new DefaultNamespaceEntityPolicy(),
  new NoForeignRootFieldsEntityPolicy(),
  new FieldFormatEntityPolicy(),
]);

const kindValidators: Record<string, { check(data: unknown): Promise<boolean> }> = {
  Component: componentEntityV1alpha1Validator,
  Resource: resourceEntityV1alpha1Validator,
  System: systemEntityV1alpha1Validator,
};

function spec(entity: Entity): Record<string, unknown> {
  return (entity.spec ?? {}) as Record<string, unknown>;
}

/**
 * Throws unless Backstage would accept the entity: the catalog's envelope policies, the kind's own
 * schema, its location annotations, and every ref-valued spec field parsing as Backstage parses them.
 */
export async function expectValidEntity(entity: Entity): Promise<void> {
  const copy = JSON.parse(JSON.stringify(entity)) as Entity;
  await envelopePolicy.enforce(copy);
  const validator = kindValidators[entity.kind];
  if (!validator) throw new Error(`unexpected kind ${entity.kind}`);
  if (!(await validator.check(copy))) throw new Error(`kind validator did not accept ${stringifyEntityRef(entity)}`);
  for (const key of ['backstage.io/managed-by-location', 'backstage.io/managed-by-origin-location']) {
    const value = entity.metadata.annotations?.[key];
    if (!value) throw new Error(`${stringifyEntityRef(entity)} lacks ${key}`);
    parseLocationRef(value);
  }
  const namespace = entity.metadata.namespace ?? 'default';
  const s = spec(entity);
  const refFields: Array<[string, string | undefined]> = [
    ['owner', 'group'],
    ['system', 'system'],
    ['subcomponentOf', 'component'],
    ['dependsOn', undefined],
    ['providesApis', 'api'],
    ['consumesApis', 'api'],
  ];
  for (const [field, defaultKind] of refFields) {
    const value = s[field];
    const values: unknown[] = Array.isArray(value) ? value : [value].filter(v => v !== undefined);
    for (const ref of values) parseEntityRef(ref as string, { defaultKind, defaultNamespace: namespace });
  }
}

export async function expectAllValid(entities: Entity[]): Promise<void> {
  for (const entity of entities) {
    try {
      await expectValidEntity(entity);
    } catch (error) {
      throw new Error(`${stringifyEntityRef(entity)}: ${String(error)}\n${JSON.stringify(entity, null, 2)}`);
    }
  }
}

export function refsOf(entities: Entity[]): string[] {
  return entities.map(e => stringifyEntityRef(e));
}

export function expectUniqueRefs(entities: Entity[]): void {
  const refs = refsOf(entities);
  const duplicates = refs.filter((ref, index) => refs.indexOf(ref) !== index);
  if (duplicates.length > 0) throw new Error(`duplicate refs: ${duplicates.join(', ')}`);
}
