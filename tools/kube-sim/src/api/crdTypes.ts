import type { CrdSpec } from '../crossplane/crdTypes';
import type { KubeObject, ResourceType } from '../types';

const VERBS = ['delete', 'deletecollection', 'get', 'list', 'patch', 'create', 'update', 'watch'];

/** The resource types a (validated) CRD makes the server serve: one per served version. */
export function typesForCrd(crd: KubeObject): ResourceType[] {
  const spec = crd.spec as CrdSpec;
  return spec.versions
    .filter(v => v.served !== false)
    .map(v => ({
      group: spec.group,
      version: v.name,
      name: spec.names.plural,
      singularName: spec.names.singular ?? spec.names.kind.toLowerCase(),
      kind: spec.names.kind,
      listKind: spec.names.listKind ?? `${spec.names.kind}List`,
      namespaced: spec.scope === 'Namespaced',
      verbs: VERBS,
      shortNames: spec.names.shortNames,
      categories: spec.names.categories,
      statusSubresource: v.subresources?.status !== undefined,
      custom: true,
      storage: Boolean(v.storage),
      printerColumns: v.additionalPrinterColumns ?? [],
      schema: v.schema?.openAPIV3Schema,
    }));
}
