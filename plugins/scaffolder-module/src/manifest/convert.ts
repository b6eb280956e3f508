import { JsonObject, JsonValue } from '@backstage/types';
import { parse } from 'yaml';
import { childPath, itemSchema, propertySchema, requiredKeys, wantsStructuredValue } from './schemaNav';
import { FieldError, KubeSchema } from './types';

/** Result of {@link convertValues}: the converted value (undefined when empty) and YAML problems. */
export interface Conversion {
  value: JsonValue | undefined;
  errors: FieldError[];
}

/** A canonical integer: no sign on zero, no leading zeros, no spaces (`"08"` stays text). */
const CANONICAL_INTEGER = /^(0|-?[1-9]\d*)$/;

/** The integer a string spells, when it spells one exactly within the safe range; else undefined. */
export function canonicalInteger(text: string): number | undefined {
  if (!CANONICAL_INTEGER.test(text)) return undefined;
  const value = Number(text);
  return Number.isSafeInteger(value) ? value : undefined;
}

function isPlainObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `{}` or `[]` for a value that was an object or list (given as such or as YAML text), else undefined. */
function emptiedContainer(raw: unknown, schema: KubeSchema | undefined): JsonObject | JsonValue[] | undefined {
  let value = raw;
  if (typeof raw === 'string' && wantsStructuredValue(schema)) {
    try {
      value = parse(raw, { prettyErrors: false });
    } catch {
      return undefined;
    }
  }
  if (isPlainObject(value)) return {};
  if (Array.isArray(value)) return [];
  return undefined;
}

/**
 * Turns raw form values into what the schema means, driven by the schema alone: strings that spell a
 * canonical integer within Number.MAX_SAFE_INTEGER become integers for `x-kubernetes-int-or-string`
 * (`"08"`, `" 8"` and `"99999999999999999999"` stay text, as they would lose their meaning as numbers), YAML-editor text becomes objects, and empty
 * values (undefined, null, '', [], {}) disappear so they never reach the manifest.
 */
export function convertValues(value: unknown, schema: KubeSchema | undefined, path: string): Conversion {
  const errors: FieldError[] = [];
  const walk = (raw: unknown, node: KubeSchema | undefined, at: string): JsonValue | undefined => {
    if (raw === undefined || raw === null || raw === '') return undefined;
    if (typeof raw === 'string') {
      const integer = node?.['x-kubernetes-int-or-string'] ? canonicalInteger(raw) : undefined;
      if (integer !== undefined) return integer;
      if (wantsStructuredValue(node)) {
        let parsed: unknown;
        try {
          parsed = parse(raw, { prettyErrors: false });
        } catch (error) {
          // Only the first line: the rest repeats the user's text with a caret.
          const reason = String((error as Error).message).split('\n')[0];
          errors.push({ path: at, message: `is not valid YAML: ${reason}` });
          return undefined;
        }
        // A YAML scalar stays as the user typed it; ajv reports the type mismatch.
        return typeof parsed === 'string' ? raw : walk(parsed, node, at);
      }
      return raw;
    }
    if (Array.isArray(raw)) {
      const items = raw
        .map((item, index) => walk(item, itemSchema(node), childPath(at, index)))
        .filter((item): item is JsonValue => item !== undefined);
      return items.length > 0 ? items : undefined;
    }
    if (isPlainObject(raw)) {
      const required = requiredKeys(node);
      const out: JsonObject = {};
      for (const [key, child] of Object.entries(raw)) {
        const converted = walk(child, propertySchema(node, key), childPath(at, key));
        if (converted !== undefined) {
          out[key] = converted;
        } else if (required.has(key)) {
          // A required object whose fields are all empty, or a required list left empty, still has to
          // be present: `{}` and `[]` are values the schema may accept.
          const empty = emptiedContainer(child, propertySchema(node, key));
          if (empty !== undefined) out[key] = empty;
        }
      }
      return Object.keys(out).length > 0 ? out : undefined;
    }
    if (typeof raw === 'number' || typeof raw === 'boolean') return raw;
    errors.push({ path: at, message: `has an unsupported value type ${typeof raw}` });
    return undefined;
  };
  return { value: walk(value, schema, path), errors };
}
