/**
 * Which definitions become Templates, and the versions and kinds each one offers. Pure: the same
 * object and options always give the same answer, so the provider and the CLI agree.
 */
import { isTrueFlag, SOURCE_ANNOTATION_SUFFIXES } from '../annotations';
import { CROSSPLANE_APIEXTENSIONS_GROUP, XRD_KIND } from '../crossplane';
import type { KubeObject } from '../types';
import { apiGroupError, dns1035LabelError } from './names';
import type { SelectionOptions } from './options';
import { asSchema, isRecord, type Schema } from './schema/types';

export const XRD_GROUP = CROSSPLANE_APIEXTENSIONS_GROUP;
export { XRD_KIND };
export const CRD_KIND = 'CustomResourceDefinition';

/** `LegacyCluster` is the v1 XRD default; claims exist only for it. */
export type XrScope = 'Namespaced' | 'Cluster' | 'LegacyCluster';
/** What a Template creates: a Crossplane claim, a composite resource (XR), or any other custom resource. */
export type DefinitionRole = 'claim' | 'composite' | 'resource';

/** One version of one definition, as a Template and an API entity describe it. */
export interface DefinitionVersion {
  definition: { apiVersion: string; kind: typeof XRD_KIND | typeof CRD_KIND; name: string };
  group: string;
  version: string;
  kind: string;
  plural: string;
  namespaced: boolean;
  role: DefinitionRole;
  /** For XRD-derived kinds: the composite's scope, which decides where Crossplane's fields live. */
  xrScope?: XrScope;
  /** For XRD-derived kinds: the composite's kind, which Compositions name in compositeTypeRef. */
  compositeKind?: string;
  deprecated: boolean;
  deprecationWarning?: string;
  /** The version's openAPIV3Schema as published; undefined when the definition has none. */
  schema?: Schema;
  defaultCompositionRef?: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
}

/** A definition that a real API server (or Crossplane) would refuse; `field` is the offending path. */
export class DefinitionError extends Error {
  constructor(readonly definitionName: string, readonly field: string, problem: string) {
    super(`${definitionName || '(unnamed)'}: ${field} ${problem}`);
    this.name = 'DefinitionError';
  }
}

/** A CRD or an XRD (v1 or v2). */
export function isDefinition(obj: KubeObject): boolean {
  return isXrd(obj) || (obj.kind === CRD_KIND && obj.apiVersion === 'apiextensions.k8s.io/v1');
}

function isXrd(obj: KubeObject): boolean {
  return obj.kind === XRD_KIND && (obj.apiVersion === `${XRD_GROUP}/v1` || obj.apiVersion === `${XRD_GROUP}/v2`);
}

/**
 * Opt-out wins, then opt-in, then the kind's switch: XRDs by `ingestAll`, CRDs by `ingestAll`, group,
 * name or label selector. CRDs Crossplane generated from an XRD are skipped: the XRD is their source.
 */
export function isSelected(obj: KubeObject, selection: SelectionOptions): boolean {
  const annotations = obj.metadata.annotations ?? {};
  const flag = (suffix: string) => annotations[`${selection.annotationPrefix}/${suffix}`];
  if (isTrueFlag(flag(SOURCE_ANNOTATION_SUFFIXES.excludeFromCatalog))) return false;
  const optedIn = isTrueFlag(flag(SOURCE_ANNOTATION_SUFFIXES.addToCatalog));
  if (isXrd(obj)) return selection.xrds.enabled && (optedIn || selection.xrds.ingestAll);
  if (!selection.crds.enabled || !isDefinition(obj)) return false;
  if ((obj.metadata.ownerReferences ?? []).some(o => o.kind === XRD_KIND)) return false;
  if (optedIn || selection.crds.ingestAll) return true;
  const { groups, names, labelSelector } = selection.crds;
  const spec = isRecord(obj.spec) ? obj.spec : {};
  if (typeof spec.group === 'string' && groups.includes(spec.group)) return true;
  if (obj.metadata.name && names.includes(obj.metadata.name)) return true;
  const labels = obj.metadata.labels ?? {};
  return !!labelSelector && Object.keys(labelSelector).length > 0 && Object.entries(labelSelector).every(([k, v]) => labels[k] === v);
}

interface Names {
  kind: string;
  plural: string;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function readNames(name: string, value: unknown, field: string): Names {
  const o = isRecord(value) ? value : {};
  const kind = text(o.kind) ?? fail(name, `${field}.kind`, 'is required');
  const plural = text(o.plural) ?? fail(name, `${field}.plural`, 'is required');
  const pluralError = dns1035LabelError(plural);
  if (pluralError) fail(name, `${field}.plural`, `${JSON.stringify(plural)} is invalid: ${pluralError}`);
  const kindError = dns1035LabelError(kind.toLowerCase());
  if (kindError) fail(name, `${field}.kind`, `${JSON.stringify(kind)} is invalid: ${kindError}`);
  return { kind, plural };
}

function fail(name: string, field: string, problem: string): never {
  throw new DefinitionError(name, field, problem);
}

/** The versions of a selected definition that get a Template. Throws DefinitionError for invalid input. */
export function definitionVersions(obj: KubeObject, selection: SelectionOptions): DefinitionVersion[] {
  const name = obj.metadata.name ?? '';
  if (!name) fail(name, 'metadata.name', 'is required');
  const spec = isRecord(obj.spec) ? obj.spec : fail(name, 'spec', 'is required');
  const group = text(spec.group) ?? fail(name, 'spec.group', 'is required');
  const groupError = apiGroupError(group);
  if (groupError) fail(name, 'spec.group', `${JSON.stringify(group)} is invalid: ${groupError}`);
  const names = readNames(name, spec.names, 'spec.names');
  if (name !== `${names.plural}.${group}`) fail(name, 'metadata.name', `must be spec.names.plural+"."+spec.group`);
  const xrd = isXrd(obj);
  const claimNames = xrd && spec.claimNames !== undefined && spec.claimNames !== null ? readNames(name, spec.claimNames, 'spec.claimNames') : undefined;
  const xrScope = xrd ? readXrScope(obj, spec, name) : undefined;
  if (claimNames && xrScope !== 'LegacyCluster') fail(name, 'spec.claimNames', `is only supported by LegacyCluster composites, not ${xrScope}`);
  if (claimNames && (claimNames.kind === names.kind || claimNames.plural === names.plural)) {
    fail(name, 'spec.claimNames', "must differ from the composite's names");
  }
  const versions = Array.isArray(spec.versions) ? spec.versions.filter(isRecord) : [];
  if (versions.length === 0) fail(name, 'spec.versions', 'must list at least one version');
  const chosen = versions.filter(v => v.served === true && (selection.versions === 'served' || (xrd ? v.referenceable === true : v.storage === true)));
  if (chosen.length === 0) fail(name, 'spec.versions', `has no served ${xrd ? 'referenceable' : 'storage'} version`);

  // The claim is what developers ask for; the composite gets a Template of its own when there is no
  // claim, or when configured for XRDs that have one.
  const offered: Array<{ kindNames: Names; claim: boolean }> = claimNames
    ? [{ kindNames: claimNames, claim: true }, ...(selection.xrds.composites ? [{ kindNames: names, claim: false }] : [])]
    : [{ kindNames: names, claim: false }];
  const scope = spec.scope;
  return offered.flatMap(({ kindNames, claim }) => chosen.map((v, i): DefinitionVersion => {
    const version = text(v.name) ?? fail(name, `spec.versions[${i}].name`, 'is required');
    const versionError = dns1035LabelError(version);
    if (versionError) fail(name, `spec.versions[${i}].name`, `${JSON.stringify(version)} is invalid: ${versionError}`);
    const schema = isRecord(v.schema) && isRecord(v.schema.openAPIV3Schema) ? asSchema(v.schema.openAPIV3Schema) : undefined;
    const defaultRef = isRecord(spec.defaultCompositionRef) ? text(spec.defaultCompositionRef.name) : undefined;
    return {
      definition: { apiVersion: obj.apiVersion ?? '', kind: xrd ? XRD_KIND : CRD_KIND, name },
      group,
      version,
      kind: kindNames.kind,
      plural: kindNames.plural,
      namespaced: isNamespaced(claim, xrd ? xrScope : undefined, scope),
      role: roleOf(xrd, claim),
      ...(xrd ? { xrScope, compositeKind: names.kind } : {}),
      deprecated: v.deprecated === true,
      ...(text(v.deprecationWarning) ? { deprecationWarning: text(v.deprecationWarning) } : {}),
      ...(schema ? { schema } : {}),
      ...(defaultRef ? { defaultCompositionRef: defaultRef } : {}),
      labels: { ...obj.metadata.labels },
      annotations: { ...obj.metadata.annotations },
    };
  }));
}

/** Claims are always namespaced; an XR follows its XRD's scope; a CRD its own. */
function isNamespaced(claim: boolean, xrScope: XrScope | undefined, crdScope: unknown): boolean {
  if (claim) return true;
  return xrScope ? xrScope === 'Namespaced' : crdScope === 'Namespaced';
}

function roleOf(xrd: boolean, claim: boolean): DefinitionRole {
  if (!xrd) return 'resource';
  return claim ? 'claim' : 'composite';
}

/**
 * The scope of an XRD that states none. API servers store the scope their XRD schema defaulted (v1:
 * LegacyCluster, v2: Namespaced), so this matters only where defaults are not stored; an XRD with claim
 * names is LegacyCluster whichever version it was read through, as only LegacyCluster composites have
 * claims. Both providers use it, so they agree on what an XRD defines.
 */
export function defaultXrScope(readAsVersion: string, hasClaimNames: boolean): XrScope {
  return hasClaimNames || readAsVersion === 'v1' ? 'LegacyCluster' : 'Namespaced';
}

function readXrScope(obj: KubeObject, spec: Record<string, unknown>, name: string): XrScope {
  const scope = spec.scope ?? defaultXrScope(obj.apiVersion === `${XRD_GROUP}/v1` ? 'v1' : 'v2', isRecord(spec.claimNames));
  if (scope === 'Namespaced' || scope === 'Cluster' || scope === 'LegacyCluster') return scope;
  return fail(name, 'spec.scope', 'must be Namespaced, Cluster or LegacyCluster');
}
