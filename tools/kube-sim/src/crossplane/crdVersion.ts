/**
 * One generated CRD version from one XRD version: Crossplane's genCrdVersion
 * (crossplane-runtime v2 `pkg/xcrd/crd.go`), followed by the composite's or claim's additions.
 */
import type { CrdColumn, CrdVersion } from './crdTypes';
import { SchemaShapeError, toSchemaProps, type JSONSchemaProps } from './jsonSchema';
import { InvalidXrdError, type XrdVersion } from './xrdSpec';

/** Names are used as label values, so Crossplane caps them at 63 characters (or the XRD's lower limit). */
const MAX_NAME_LENGTH = 63;

export interface VersionAdditions {
  columns: CrdColumn[];
  specProps: Record<string, JSONSchemaProps>;
  statusProps: Record<string, JSONSchemaProps>;
}

export function crdVersion(xrdName: string, index: number, v: XrdVersion, add: VersionAdditions): CrdVersion {
  const version: CrdVersion = {
    name: v.name,
    served: v.served,
    storage: v.referenceable,
    ...(v.deprecated ? { deprecated: true } : {}),
    ...(v.deprecationWarning !== undefined ? { deprecationWarning: v.deprecationWarning } : {}),
    schema: { openAPIV3Schema: crdSchema(xrdName, index, v.openAPIV3Schema, add) },
    subresources: { status: {}, ...(v.scale ? { scale: v.scale } : {}) },
    additionalPrinterColumns: [...v.additionalPrinterColumns.map(c => ({ ...c })), ...add.columns],
  };
  return version;
}

/**
 * Crossplane starts from its base object schema and copies in only: the root's description and
 * x-kubernetes-validations; a stricter metadata.name maxLength; spec's description, required,
 * x-kubernetes-preserve-unknown-fields, x-kubernetes-validations, oneOf and properties; status's
 * description, required, x-kubernetes-validations, oneOf and properties. Its own fields are then
 * written over same-named user fields.
 */
function crdSchema(xrdName: string, index: number, raw: Record<string, unknown>, add: VersionAdditions): JSONSchemaProps {
  const at = `spec.versions[${index}].schema.openAPIV3Schema`;
  let s: JSONSchemaProps;
  try {
    s = toSchemaProps(raw);
  } catch (e) {
    if (!(e instanceof SchemaShapeError)) throw e;
    throw new InvalidXrdError(xrdName, `${at}${e.path}`, `${e.problem} (Crossplane cannot parse the schema)`);
  }
  const xSpec = s.properties?.spec ?? {};
  const xStatus = s.properties?.status ?? {};

  const userMaxLength = s.properties?.metadata?.properties?.name?.maxLength;
  const maxLength = typeof userMaxLength === 'number' && userMaxLength < MAX_NAME_LENGTH ? userMaxLength : MAX_NAME_LENGTH;

  const spec: JSONSchemaProps = { type: 'object' };
  copy(xSpec, spec, ['description', 'required', 'x-kubernetes-preserve-unknown-fields', 'x-kubernetes-validations', 'oneOf']);
  spec.properties = { ...xSpec.properties, ...add.specProps };

  const status: JSONSchemaProps = { type: 'object' };
  copy(xStatus, status, ['description', 'required', 'x-kubernetes-validations', 'oneOf']);
  status.properties = { ...xStatus.properties, ...add.statusProps };

  const root: JSONSchemaProps = { type: 'object' };
  copy(s, root, ['description', 'x-kubernetes-validations']);
  root.required = ['spec'];
  root.properties = {
    apiVersion: { type: 'string' },
    kind: { type: 'string' },
    metadata: { type: 'object', properties: { name: { type: 'string', maxLength } } },
    spec,
    status,
  };
  return root;
}

function copy(from: JSONSchemaProps, to: JSONSchemaProps, keys: string[]): void {
  for (const key of keys) if (from[key] !== undefined) to[key] = from[key];
}
