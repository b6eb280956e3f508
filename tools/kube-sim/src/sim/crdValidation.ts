import { invalid } from '../api/errors';
import { dns1035LabelError } from '../crossplane/dnsNames';
import type { KubeObject } from '../types';
import { labelError, subdomainError } from './validation';

type Cause = { reason: string; message: string; field: string };

/** The checks the real server makes on a CustomResourceDefinition that clients most often trip over. */
export function validateCrd(crd: KubeObject): void {
  const causes: Cause[] = [];
  const bad = (field: string, message: string, reason = 'FieldValueInvalid') => causes.push({ field, message, reason });
  const spec = (crd.spec ?? {}) as Record<string, unknown>;
  const names = (spec.names ?? {}) as Record<string, unknown>;
  const group = typeof spec.group === 'string' ? spec.group : '';
  const plural = typeof names.plural === 'string' ? names.plural : '';
  const kind = typeof names.kind === 'string' ? names.kind : '';

  if (!group) bad('spec.group', 'Required value', 'FieldValueRequired');
  else if (!group.includes('.')) bad('spec.group', `Invalid value: "${group}": should be a domain with at least one dot`);
  else if (subdomainError(group)) bad('spec.group', `Invalid value: "${group}": ${subdomainError(group)}`);
  if (!plural) bad('spec.names.plural', 'Required value', 'FieldValueRequired');
  else if (labelError(plural)) bad('spec.names.plural', `Invalid value: "${plural}": ${labelError(plural)}`);
  if (typeof names.singular === 'string' && names.singular && labelError(names.singular)) {
    bad('spec.names.singular', `Invalid value: "${names.singular}": ${labelError(names.singular)}`);
  }
  if (!kind) bad('spec.names.kind', 'Required value', 'FieldValueRequired');
  // The real server checks the lowercased kind as an RFC 1035 label, so `amazonEks` is a valid kind.
  else if (dns1035LabelError(kind.toLowerCase())) bad('spec.names.kind', `Invalid value: "${kind}": ${dns1035LabelError(kind.toLowerCase())}`);
  for (const [i, s] of (Array.isArray(names.shortNames) ? names.shortNames : []).entries()) {
    if (typeof s !== 'string' || labelError(s)) bad(`spec.names.shortNames[${i}]`, `Invalid value: "${String(s)}": ${labelError(String(s))}`);
  }
  if (plural && group && crd.metadata.name !== `${plural}.${group}`) {
    bad('metadata.name', `Invalid value: "${crd.metadata.name}": must be spec.names.plural+"."+spec.group`);
  }
  if (spec.scope !== 'Namespaced' && spec.scope !== 'Cluster') {
    bad('spec.scope', `Unsupported value: "${String(spec.scope)}": supported values: "Cluster", "Namespaced"`, 'FieldValueNotSupported');
  }
  const versions = Array.isArray(spec.versions) ? (spec.versions as Array<Record<string, unknown>>) : [];
  if (versions.length === 0) bad('spec.versions', 'Invalid value: must have exactly one version marked as storage version');
  else if (versions.filter(v => v.storage === true).length !== 1) {
    bad('spec.versions', 'Invalid value: must have exactly one version marked as storage version');
  }
  versions.forEach((v, i) => {
    if (typeof v.name !== 'string' || labelError(v.name)) bad(`spec.versions[${i}].name`, `Invalid value: "${String(v.name)}"`);
  });
  if (causes.length) throw invalid('apiextensions.k8s.io', 'CustomResourceDefinition', String(crd.metadata.name ?? ''), causes);
}
