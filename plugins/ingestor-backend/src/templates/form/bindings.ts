/**
 * How parameter values become the spec. The render step's `spec` input is built from these, so pages
 * never overwrite each other (Backstage merges page values shallowly) and a value lands at its own path.
 */

/** Parameter `key` (at `at` below it) is ticked, or holds `equals`. */
export interface BindingCondition {
  key: string;
  at?: string[];
  equals?: string;
}

/**
 * `spec.<path>` is the parameter's value (at `at` below it, for a field of an object field), present
 * only while every condition holds (opt-in and choose-one sections, see conditions.ts).
 */
export interface ValueBinding {
  path: string[];
  key: string;
  at?: string[];
  conditions?: BindingCondition[];
}

/** `spec.<path>` is an object of parameter values, present only when parameter `when` is set. */
export interface ObjectBinding {
  path: string[];
  fields: Record<string, string>;
  when: string;
}

/** A value of parameter `key` rebuilt field by field: at `at` below it, or an object of such nodes; absent unless its conditions hold. */
export type ComposedNode =
  | { at: string[]; conditions?: BindingCondition[] }
  | { fields: Record<string, ComposedNode>; conditions?: BindingCondition[] };

/**
 * `spec.<path>` is parameter `key` rebuilt by `node`: an object field with conditional fields inside,
 * whose controls and hidden leftovers must not reach the manifest. One expression, so a section
 * switched off is absent as a whole rather than an object of empty parts.
 */
export interface ComposedBinding {
  path: string[];
  key: string;
  node: ComposedNode;
}

export type SpecBinding = ValueBinding | ObjectBinding | ComposedBinding;

export function isObjectBinding(b: SpecBinding): b is ObjectBinding {
  return 'fields' in b;
}

export function isComposedBinding(b: SpecBinding): b is ComposedBinding {
  return 'node' in b;
}
