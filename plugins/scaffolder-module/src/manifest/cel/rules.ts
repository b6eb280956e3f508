import { JsonValue } from '@backstage/types';
import { childPath, itemSchema } from '../schemaNav';
import { KubeSchema } from '../types';

/** One entry of `x-kubernetes-validations`. */
export interface ValidationRule {
  rule: string;
  message?: string;
  messageExpression?: string;
  /** A path relative to the node (`.spec.replicas`, `['a.b']`) the error is reported at. */
  fieldPath?: string;
  optionalOldSelf?: boolean;
}

/** A rule together with the value it judges (`self`), its schema and where that value sits. */
export interface RuleSite {
  rule: ValidationRule;
  self: JsonValue;
  schema: KubeSchema;
  path: string;
}

function isRule(entry: unknown): entry is ValidationRule {
  return typeof entry === 'object' && entry !== null && typeof (entry as ValidationRule).rule === 'string';
}

function isObject(value: unknown): value is Record<string, JsonValue> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Every rule that applies to a value, walking schema and value together: a rule on an object, list,
 * map value or list item is judged once per value present (as on the API server, a rule on an absent
 * field does not run). `allOf` branches contribute their rules too.
 */
export function ruleSites(value: JsonValue | undefined, schema: KubeSchema | undefined, path: string): RuleSite[] {
  const sites: RuleSite[] = [];
  const walk = (node: JsonValue | undefined, at: KubeSchema | undefined, where: string) => {
    if (!at || node === undefined || node === null) return;
    for (const part of [at, ...(at.allOf ?? [])]) {
      const rules = part['x-kubernetes-validations'];
      if (Array.isArray(rules)) for (const rule of rules.filter(isRule)) sites.push({ rule, self: node, schema: at, path: where });
    }
    if (Array.isArray(node)) {
      const items = itemSchema(at);
      node.forEach((item, index) => walk(item, items, childPath(where, index)));
    } else if (isObject(node)) {
      for (const [key, child] of Object.entries(node)) {
        const declared = at.properties?.[key];
        const childSchema = declared ?? (typeof at.additionalProperties === 'object' ? at.additionalProperties : undefined);
        walk(child, childSchema, childPath(where, key));
      }
    }
  };
  walk(value, schema, path);
  return sites;
}

/** `.spec.replicas` or `['a.b'].c` relative to `path`, as a dotted path. */
export function reportedPath(path: string, fieldPath: string | undefined): string {
  if (!fieldPath) return path || '(root)';
  const relative = fieldPath
    .replace(/\['([^']*)'\]/g, '.$1')
    .replace(/^\./, '');
  if (!relative) return path || '(root)';
  return path ? `${path}.${relative}` : relative;
}
