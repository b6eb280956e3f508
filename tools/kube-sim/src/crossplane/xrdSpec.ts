/**
 * Reads a CompositeResourceDefinition (apiextensions.crossplane.io/v1 or v2) into a typed, checked form.
 *
 * It rejects what would keep a real Crossplane from establishing the XRD: input Crossplane cannot render
 * (no schema, conflicting claim names), values the XRD's own CRD schema forbids (enums, required fields,
 * claims on a non-LegacyCluster XR) and names the API server would refuse in the generated CRDs.
 * Defaults the XRD CRD's schema applies on the server (scope, default policies) are applied here, so an
 * XRD read straight from a manifest renders as the stored one would.
 */
import type { KubeObject } from '../types';
import type { CrdColumn, CrdNames } from './crdTypes';
import { apiGroupError, dns1035LabelError } from './dnsNames';
import { cloneJson, isRecord } from './jsonSchema';

export const XRD_GROUP = 'apiextensions.crossplane.io';
export const XRD_KIND = 'CompositeResourceDefinition';

/**
 * `LegacyCluster` is the v1 default. Crossplane's v2 XRD schema lists only Namespaced and Cluster, but the
 * renderer treats the value identically whichever version carried it, so it is accepted here for v2 too.
 */
export type XrScope = 'Namespaced' | 'Cluster' | 'LegacyCluster';
const SCOPES: readonly XrScope[] = ['Namespaced', 'Cluster', 'LegacyCluster'];

export interface XrdVersion {
  name: string;
  served: boolean;
  referenceable: boolean;
  deprecated: boolean;
  deprecationWarning?: string;
  openAPIV3Schema: Record<string, unknown>;
  additionalPrinterColumns: CrdColumn[];
  scale?: Record<string, unknown>;
}

export interface Xrd {
  name: string;
  uid?: string;
  /** The XRD's own API version. */
  version: 'v1' | 'v2';
  labels?: Record<string, string>;
  group: string;
  names: CrdNames;
  claimNames?: CrdNames;
  scope: XrScope;
  defaultCompositionUpdatePolicy: string;
  defaultCompositeDeletePolicy: string;
  versions: XrdVersion[];
  conversion?: Record<string, unknown>;
  /** spec.metadata: labels and annotations for the generated CRDs. */
  crdLabels?: Record<string, string>;
  crdAnnotations?: Record<string, string>;
}

/** Bad XRD input. `field` is the offending path, e.g. `spec.names.plural`. */
export class InvalidXrdError extends Error {
  constructor(readonly xrdName: string, readonly field: string, problem: string) {
    super(`${XRD_KIND} "${xrdName}": ${field} ${problem}`);
    this.name = 'InvalidXrdError';
  }
}

const COLUMN_TYPES = ['boolean', 'date', 'integer', 'number', 'string'];

/** Typed accessors that throw InvalidXrdError naming the XRD and the field. */
class Reader {
  constructor(readonly xrdName: string) {}

  fail(field: string, problem: string): never {
    throw new InvalidXrdError(this.xrdName, field, problem);
  }

  object(value: unknown, field: string): Record<string, unknown> {
    if (value === undefined || value === null) return this.fail(field, 'is required');
    return isRecord(value) ? value : this.fail(field, 'must be an object');
  }

  optionalObject(value: unknown, field: string): Record<string, unknown> | undefined {
    return value === undefined || value === null ? undefined : this.object(value, field);
  }

  string(value: unknown, field: string): string {
    if (value === undefined || value === null || value === '') return this.fail(field, 'is required');
    return typeof value === 'string' ? value : this.fail(field, 'must be a string');
  }

  optionalString(value: unknown, field: string): string | undefined {
    return value === undefined || value === null || value === '' ? undefined : this.string(value, field);
  }

  bool(value: unknown, field: string): boolean {
    if (value === undefined || value === null) return this.fail(field, 'is required');
    return typeof value === 'boolean' ? value : this.fail(field, 'must be a boolean');
  }

  stringList(value: unknown, field: string): string[] | undefined {
    if (value === undefined || value === null) return undefined;
    if (!Array.isArray(value)) return this.fail(field, 'must be a list of strings');
    return value.map((v, i) => this.string(v, `${field}[${i}]`));
  }

  stringMap(value: unknown, field: string): Record<string, string> | undefined {
    const obj = this.optionalObject(value, field);
    if (!obj) return undefined;
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(obj)) out[k] = typeof v === 'string' ? v : this.fail(`${field}.${k}`, 'must be a string');
    return out;
  }

  oneOf<T extends string>(value: string | undefined, allowed: readonly T[], field: string): T | undefined {
    if (value === undefined) return undefined;
    const found = allowed.find(a => a === value);
    return found ?? this.fail(field, `must be one of ${allowed.join(', ')}, not ${JSON.stringify(value)}`);
  }

  /** An optional string restricted to `allowed`; `fallback` is the XRD CRD schema's default. */
  choice<T extends string>(value: unknown, field: string, allowed: readonly T[], fallback: T): T {
    return this.oneOf(this.optionalString(value, field), allowed, field) ?? fallback;
  }

  /** `check` is one of the dnsNames functions' results. */
  validName(check: string | undefined, field: string, value: string): void {
    if (check) this.fail(field, `${JSON.stringify(value)} is invalid: ${check}`);
  }
}

export function readXrd(obj: KubeObject): Xrd {
  const meta = isRecord(obj.metadata) ? obj.metadata : {};
  const name = typeof meta.name === 'string' ? meta.name : '';
  const r = new Reader(name);

  const version = xrdVersion(obj.apiVersion) ?? r.fail('apiVersion', `must be ${XRD_GROUP}/v1 or ${XRD_GROUP}/v2`);
  if (obj.kind !== XRD_KIND) r.fail('kind', `must be ${XRD_KIND}`);
  if (!name) r.fail('metadata.name', 'is required');

  const spec = r.object(obj.spec, 'spec');
  const group = r.string(spec.group, 'spec.group');
  r.validName(apiGroupError(group), 'spec.group', group);
  const names = readNames(r, spec.names, 'spec.names');
  const expectedName = `${names.plural}.${group}`;
  if (name !== expectedName) {
    r.fail('metadata.name', `must be spec.names.plural+"."+spec.group (${JSON.stringify(expectedName)})`);
  }

  const scope = r.choice(spec.scope, 'spec.scope', SCOPES, version === 'v1' ? 'LegacyCluster' : 'Namespaced');

  const xrd: Xrd = {
    name,
    version,
    group,
    names,
    scope,
    defaultCompositionUpdatePolicy: r.choice(
      spec.defaultCompositionUpdatePolicy,
      'spec.defaultCompositionUpdatePolicy',
      ['Automatic', 'Manual'],
      'Automatic',
    ),
    defaultCompositeDeletePolicy: r.choice(
      spec.defaultCompositeDeletePolicy,
      'spec.defaultCompositeDeletePolicy',
      ['Background', 'Foreground'],
      'Background',
    ),
    versions: readVersions(r, spec.versions),
  };
  if (typeof meta.uid === 'string' && meta.uid) xrd.uid = meta.uid;
  const labels = r.stringMap(meta.labels, 'metadata.labels');
  if (labels) xrd.labels = labels;

  if (spec.claimNames !== undefined && spec.claimNames !== null) {
    if (scope !== 'LegacyCluster') {
      r.fail('spec.claimNames', `is only supported by LegacyCluster composite resources, and spec.scope is ${scope}`);
    }
    xrd.claimNames = readNames(r, spec.claimNames, 'spec.claimNames');
    checkClaimConflicts(r, names, xrd.claimNames);
  }

  const conversion = r.optionalObject(spec.conversion, 'spec.conversion');
  if (conversion) xrd.conversion = cloneJson(conversion);
  const crdMeta = r.optionalObject(spec.metadata, 'spec.metadata');
  const crdLabels = r.stringMap(crdMeta?.labels, 'spec.metadata.labels');
  const crdAnnotations = r.stringMap(crdMeta?.annotations, 'spec.metadata.annotations');
  if (crdLabels) xrd.crdLabels = crdLabels;
  if (crdAnnotations) xrd.crdAnnotations = crdAnnotations;
  return xrd;
}

function xrdVersion(apiVersion: unknown): 'v1' | 'v2' | undefined {
  if (apiVersion === `${XRD_GROUP}/v1`) return 'v1';
  if (apiVersion === `${XRD_GROUP}/v2`) return 'v2';
  return undefined;
}

/** Names as the API server checks a CRD's spec.names; the keys keep CustomResourceDefinitionNames' order. */
function readNames(r: Reader, value: unknown, field: string): CrdNames {
  const o = r.object(value, field);
  const plural = r.string(o.plural, `${field}.plural`);
  r.validName(dns1035LabelError(plural), `${field}.plural`, plural);
  const singular = r.optionalString(o.singular, `${field}.singular`);
  if (singular !== undefined) r.validName(dns1035LabelError(singular), `${field}.singular`, singular);
  const shortNames = r.stringList(o.shortNames, `${field}.shortNames`);
  shortNames?.forEach((s, i) => r.validName(dns1035LabelError(s), `${field}.shortNames[${i}]`, s));
  const kind = r.string(o.kind, `${field}.kind`);
  r.validName(dns1035LabelError(kind.toLowerCase()), `${field}.kind`, kind);
  const listKind = r.optionalString(o.listKind, `${field}.listKind`);
  if (listKind !== undefined) {
    r.validName(dns1035LabelError(listKind.toLowerCase()), `${field}.listKind`, listKind);
    if (listKind === kind) r.fail(`${field}.listKind`, 'must not be the same as kind');
  }
  const categories = r.stringList(o.categories, `${field}.categories`);
  categories?.forEach((c, i) => r.validName(dns1035LabelError(c), `${field}.categories[${i}]`, c));

  return {
    plural,
    ...(singular !== undefined ? { singular } : {}),
    ...(shortNames?.length ? { shortNames } : {}),
    kind,
    ...(listKind !== undefined ? { listKind } : {}),
    ...(categories?.length ? { categories } : {}),
  };
}

/** Crossplane's validateClaimNames: a claim may not reuse the composite's names. */
function checkClaimConflicts(r: Reader, xr: CrdNames, claim: CrdNames): void {
  const conflict = (key: keyof CrdNames, value: string) =>
    r.fail(`spec.claimNames.${key}`, `${JSON.stringify(value)} conflicts with the composite resource's spec.names.${key}`);
  if (claim.kind === xr.kind) conflict('kind', claim.kind);
  if (claim.plural === xr.plural) conflict('plural', claim.plural);
  if (claim.singular && claim.singular === xr.singular) conflict('singular', claim.singular);
  if (claim.listKind && claim.listKind === xr.listKind) conflict('listKind', claim.listKind);
}

function readVersions(r: Reader, value: unknown): XrdVersion[] {
  if (value === undefined || value === null) return r.fail('spec.versions', 'is required');
  if (!Array.isArray(value)) return r.fail('spec.versions', 'must be a list');
  if (value.length === 0) return r.fail('spec.versions', 'must list at least one version');
  const versions = value.map((v, i) => readVersion(r, v, `spec.versions[${i}]`));
  versions.forEach((v, i) => {
    if (versions.findIndex(o => o.name === v.name) !== i) {
      r.fail(`spec.versions[${i}].name`, `${JSON.stringify(v.name)} is duplicated`);
    }
  });
  const referenceable = versions.filter(v => v.referenceable).map(v => v.name);
  if (referenceable.length !== 1) {
    const found = referenceable.length ? `${referenceable.length} (${referenceable.join(', ')})` : 'none';
    r.fail('spec.versions', `must have exactly one referenceable version (it becomes the CRD's storage version); found ${found}`);
  }
  return versions;
}

function readVersion(r: Reader, value: unknown, field: string): XrdVersion {
  const o = r.object(value, field);
  const name = r.string(o.name, `${field}.name`);
  r.validName(dns1035LabelError(name), `${field}.name`, name);
  const schema = r.optionalObject(o.schema, `${field}.schema`);
  const openAPIV3Schema = schema?.openAPIV3Schema;
  if (openAPIV3Schema === undefined || openAPIV3Schema === null) {
    r.fail(
      `${field}.schema.openAPIV3Schema`,
      'is required: Crossplane cannot render a CRD version without it ("custom resource validation cannot be nil")',
    );
  }
  const version: XrdVersion = {
    name,
    served: r.bool(o.served, `${field}.served`),
    referenceable: r.bool(o.referenceable, `${field}.referenceable`),
    deprecated: o.deprecated === undefined || o.deprecated === null ? false : r.bool(o.deprecated, `${field}.deprecated`),
    openAPIV3Schema: r.object(openAPIV3Schema, `${field}.schema.openAPIV3Schema`),
    additionalPrinterColumns: readColumns(r, o.additionalPrinterColumns, `${field}.additionalPrinterColumns`),
  };
  const warning = r.optionalString(o.deprecationWarning, `${field}.deprecationWarning`);
  if (warning !== undefined && warning.length > 256) r.fail(`${field}.deprecationWarning`, 'must be no more than 256 characters');
  if (warning !== undefined) version.deprecationWarning = warning;
  const scale = r.optionalObject(r.optionalObject(o.subresources, `${field}.subresources`)?.scale, `${field}.subresources.scale`);
  if (scale) {
    r.string(scale.specReplicasPath, `${field}.subresources.scale.specReplicasPath`);
    r.string(scale.statusReplicasPath, `${field}.subresources.scale.statusReplicasPath`);
    version.scale = cloneJson(scale);
  }
  return version;
}

function readColumns(r: Reader, value: unknown, field: string): CrdColumn[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) return r.fail(field, 'must be a list');
  return value.map((c, i) => {
    const at = `${field}[${i}]`;
    const o = r.object(c, at);
    const column: CrdColumn = { name: r.string(o.name, `${at}.name`), type: r.string(o.type, `${at}.type`), jsonPath: '' };
    r.oneOf(column.type, COLUMN_TYPES, `${at}.type`);
    const format = r.optionalString(o.format, `${at}.format`);
    const description = r.optionalString(o.description, `${at}.description`);
    if (format !== undefined) column.format = format;
    if (description !== undefined) column.description = description;
    const priority = o.priority;
    if (priority !== undefined && priority !== null) {
      if (typeof priority !== 'number' || !Number.isInteger(priority)) return r.fail(`${at}.priority`, 'must be an integer');
      if (priority !== 0) column.priority = priority;
    }
    column.jsonPath = r.string(o.jsonPath, `${at}.jsonPath`);
    return column;
  });
}
