/** Shapes shared across the simulator. Objects are plain JSON as the real API server stores them. */

export interface ObjectMeta {
  name?: string;
  generateName?: string;
  namespace?: string;
  uid?: string;
  resourceVersion?: string;
  generation?: number;
  creationTimestamp?: string;
  deletionTimestamp?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  ownerReferences?: Array<Record<string, unknown>>;
  finalizers?: string[];
  [key: string]: unknown;
}

export interface KubeObject {
  apiVersion?: string;
  kind?: string;
  metadata: ObjectMeta;
  [key: string]: unknown;
}

/** A column of a server-side Table, as in meta.k8s.io/v1 TableColumnDefinition plus how to read it. */
export interface PrinterColumn {
  name: string;
  type: string;
  format?: string;
  description?: string;
  priority?: number;
  /** JSONPath as in a CRD's additionalPrinterColumns, e.g. `.status.conditions[?(@.type=="Ready")].status`. */
  jsonPath: string;
}

/** One REST resource the server serves, as discovery describes it. */
export interface ResourceType {
  /** '' for the core group. */
  group: string;
  version: string;
  /** The plural, the path segment. */
  name: string;
  singularName: string;
  kind: string;
  listKind: string;
  namespaced: boolean;
  verbs: string[];
  shortNames?: string[];
  categories?: string[];
  /** True when a `status` subresource is served. */
  statusSubresource: boolean;
  /** True for kinds defined by a CRD (list items then carry apiVersion/kind, as on a real server). */
  custom: boolean;
  /** Whether this version is the storage version (CRDs) or the preferred one (built-ins). */
  storage: boolean;
  printerColumns: PrinterColumn[];
  /** The version's OpenAPI v3 schema, when known. */
  schema?: Record<string, unknown>;
}

/** A Status object as the API server returns for errors. */
export interface StatusBody {
  kind: 'Status';
  apiVersion: 'v1';
  metadata: Record<string, unknown>;
  status: 'Failure' | 'Success';
  message: string;
  reason: string;
  details?: {
    name?: string;
    group?: string;
    kind?: string;
    causes?: Array<{ reason: string; message: string; field: string }>;
    retryAfterSeconds?: number;
  };
  code: number;
}
