/**
 * How parameter values become the spec. The render step's `spec` input is built from these, so pages
 * never overwrite each other (Backstage merges page values shallowly) and a value lands at its own path.
 */

/**
 * `spec.<path>` is the parameter's value; with `when`, only while parameter `when` is ticked (an opt-in
 * section) or, with `equals` too, while it holds that value (the chosen one of alternatives).
 */
export interface ValueBinding {
  path: string[];
  key: string;
  when?: string;
  equals?: string;
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
