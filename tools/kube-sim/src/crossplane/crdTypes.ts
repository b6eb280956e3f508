/** apiextensions.k8s.io/v1 CustomResourceDefinition, as far as the Crossplane code here builds one. */
import type { KubeObject, ObjectMeta, PrinterColumn } from '../types';
import type { JSONSchemaProps } from './jsonSchema';

export interface CrdNames {
  plural: string;
  singular?: string;
  kind: string;
  listKind?: string;
  shortNames?: string[];
  categories?: string[];
}

/** A CRD's additionalPrinterColumns entry (CustomResourceColumnDefinition). */
export type CrdColumn = PrinterColumn;

export interface CrdSubresources {
  status?: Record<string, never>;
  scale?: Record<string, unknown>;
}

export interface CrdVersion {
  name: string;
  served: boolean;
  storage: boolean;
  deprecated?: boolean;
  deprecationWarning?: string;
  schema: { openAPIV3Schema: JSONSchemaProps };
  subresources?: CrdSubresources;
  additionalPrinterColumns?: CrdColumn[];
}

export interface CrdSpec {
  group: string;
  names: CrdNames;
  scope: 'Namespaced' | 'Cluster';
  versions: CrdVersion[];
  conversion?: Record<string, unknown>;
}

export interface CustomResourceDefinition extends KubeObject {
  apiVersion: 'apiextensions.k8s.io/v1';
  kind: 'CustomResourceDefinition';
  metadata: ObjectMeta & { name: string };
  spec: CrdSpec;
}

export const CRD_API_VERSION = 'apiextensions.k8s.io/v1';

/** Narrows an object from `crdsForXrd`/`crossplaneApiCrds` (typed as KubeObject) back to a CRD. */
export function isCrd(obj: KubeObject): obj is CustomResourceDefinition {
  return obj.apiVersion === CRD_API_VERSION && obj.kind === 'CustomResourceDefinition';
}
