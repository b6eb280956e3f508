/**
 * The CustomResourceDefinitions Crossplane generates for a CompositeResourceDefinition: the composite
 * resource's (XR's) always, and the claim's when the XRD sets spec.claimNames.
 *
 * Follows Crossplane v2.x as implemented in crossplane/crossplane-runtime v2 `pkg/xcrd/crd.go` and
 * `schemas.go` (ForCompositeResource, ForCompositeResourceClaim, genCrdVersion), which the Crossplane 2.x
 * XRD controller uses. Crossplane reads every XRD through its v1 (storage) type, so v1 and v2 XRDs render
 * alike; they differ only in the scope they default to (v1 LegacyCluster, v2 Namespaced).
 *
 * Beyond Crossplane's own output, the CRDs carry the names the API server defaults on create
 * (singular = lowercased kind, listKind = kind + "List"), and input that Crossplane or the API server
 * would reject throws InvalidXrdError (see xrdSpec.ts).
 */
import type { KubeObject } from '../types';
import { CRD_API_VERSION, type CrdNames, type CustomResourceDefinition } from './crdTypes';
import { crdVersion } from './crdVersion';
import { cloneJson } from './jsonSchema';
import { claimPrinterColumns, claimSpecProps, compositePrinterColumns, compositeSpecProps, statusProps } from './xrdSchemas';
import { readXrd, XRD_GROUP, XRD_KIND, type Xrd } from './xrdSpec';

export { InvalidXrdError } from './xrdSpec';

export const CATEGORY_COMPOSITE = 'composite';
export const CATEGORY_CLAIM = 'claim';

/** Throws InvalidXrdError, naming the XRD and the field, for input Crossplane could not turn into CRDs. */
export function crdsForXrd(xrd: KubeObject): KubeObject[] {
  const parsed = readXrd(xrd);
  const crds: CustomResourceDefinition[] = [compositeCrd(parsed)];
  if (parsed.claimNames) crds.push(claimCrd(parsed, parsed.claimNames));
  return crds;
}

function compositeCrd(xrd: Xrd): CustomResourceDefinition {
  return {
    apiVersion: CRD_API_VERSION,
    kind: 'CustomResourceDefinition',
    // Crossplane names the XR's CRD after the XRD, which must be <plural>.<group>.
    metadata: crdMetadata(xrd, xrd.name),
    spec: {
      group: xrd.group,
      names: crdNames(xrd.names, CATEGORY_COMPOSITE),
      scope: xrd.scope === 'Namespaced' ? 'Namespaced' : 'Cluster',
      versions: xrd.versions.map((v, i) =>
        crdVersion(xrd.name, i, v, {
          columns: compositePrinterColumns(xrd.scope),
          specProps: compositeSpecProps(xrd.scope, xrd.defaultCompositionUpdatePolicy),
          statusProps: statusProps(xrd.scope),
        }),
      ),
      ...conversion(xrd),
    },
  };
}

function claimCrd(xrd: Xrd, claimNames: CrdNames): CustomResourceDefinition {
  return {
    apiVersion: CRD_API_VERSION,
    kind: 'CustomResourceDefinition',
    metadata: crdMetadata(xrd, `${claimNames.plural}.${xrd.group}`),
    spec: {
      group: xrd.group,
      names: crdNames(claimNames, CATEGORY_CLAIM),
      scope: 'Namespaced',
      versions: xrd.versions.map((v, i) =>
        crdVersion(xrd.name, i, v, {
          columns: claimPrinterColumns(),
          specProps: claimSpecProps(xrd.defaultCompositeDeletePolicy),
          statusProps: statusProps('LegacyCluster'),
        }),
      ),
      ...conversion(xrd),
    },
  };
}

/** The XRD's names plus Crossplane's category, with the API server's defaults for singular and listKind. */
function crdNames(names: CrdNames, category: string): CrdNames {
  return {
    plural: names.plural,
    singular: names.singular ?? names.kind.toLowerCase(),
    ...(names.shortNames ? { shortNames: [...names.shortNames] } : {}),
    kind: names.kind,
    listKind: names.listKind ?? `${names.kind}List`,
    // Appended even when the XRD already lists it, as Crossplane does.
    categories: [...(names.categories ?? []), category],
  };
}

/**
 * Labels: the XRD's, overlaid with spec.metadata.labels. Annotations: spec.metadata.annotations only.
 * Owner: the XRD as controller, referenced through the v1 kind Crossplane's controller reads XRDs as.
 */
function crdMetadata(xrd: Xrd, name: string): CustomResourceDefinition['metadata'] {
  const labels = xrd.labels || xrd.crdLabels ? { ...xrd.labels, ...xrd.crdLabels } : undefined;
  return {
    name,
    ...(labels ? { labels } : {}),
    ...(xrd.crdAnnotations ? { annotations: { ...xrd.crdAnnotations } } : {}),
    ownerReferences: [
      {
        apiVersion: `${XRD_GROUP}/v1`,
        kind: XRD_KIND,
        name: xrd.name,
        ...(xrd.uid ? { uid: xrd.uid } : {}),
        controller: true,
        blockOwnerDeletion: true,
      },
    ],
  };
}

function conversion(xrd: Xrd): { conversion?: Record<string, unknown> } {
  return xrd.conversion ? { conversion: cloneJson(xrd.conversion) } : {};
}
