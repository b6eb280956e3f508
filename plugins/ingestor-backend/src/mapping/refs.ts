import {
  CompoundEntityRef,
  KubernetesValidatorFunctions,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { isDnsLabel } from './names';

/**
 * Parses an entity ref and checks each part against Backstage's field rules, which `parseEntityRef`
 * alone does not (it accepts `component:a b/c!`). `undefined` when the ref would be rejected or
 * dangle forever in the catalog.
 */
export function parseValidRef(
  value: string,
  context: { defaultKind?: string; defaultNamespace: string },
): CompoundEntityRef | undefined {
  let ref: CompoundEntityRef;
  try {
    ref = parseEntityRef(value, context);
  } catch {
    return undefined;
  }
  const valid =
    KubernetesValidatorFunctions.isValidKind(ref.kind) &&
    isDnsLabel(ref.namespace.toLowerCase()) &&
    KubernetesValidatorFunctions.isValidObjectName(ref.name);
  return valid ? ref : undefined;
}

/** The canonical string form (`kind:namespace/name`, lowercase), used for comparing and emitting. */
export function refString(ref: CompoundEntityRef): string {
  return stringifyEntityRef(ref);
}
