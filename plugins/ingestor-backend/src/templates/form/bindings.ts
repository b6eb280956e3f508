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

export type SpecBinding = ValueBinding | ObjectBinding;

export function isObjectBinding(b: SpecBinding): b is ObjectBinding {
  return 'fields' in b;
}
