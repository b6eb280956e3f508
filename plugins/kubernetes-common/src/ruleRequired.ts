/**
 * Fields that CEL rules make required. Upjet-generated Crossplane resources (the provider-upjet-* family)
 * mark no `forProvider` field required in the schema; each is required by a spec-level rule instead:
 *
 *   !('*' in self.managementPolicies || 'Create' in self.managementPolicies || 'Update' in self.managementPolicies)
 *     || has(self.forProvider.X) || (has(self.initProvider) && has(self.initProvider.X))
 *
 * With the default management policies (`*`) X must be set, so forms ask for it in `forProvider`, where
 * users set everything else, and the render action keeps it even when its object was left empty.
 */

const POLICY_GUARD = "!('*'inself.managementPolicies||'Create'inself.managementPolicies||'Update'inself.managementPolicies)";
const UPJET_REQUIRED = /^\|\|has\(self\.forProvider\.([A-Za-z_][A-Za-z0-9_]*)\)\|\|\(has\(self\.initProvider\)&&has\(self\.initProvider\.\1\)\)$/;

/**
 * The `forProvider` field an Upjet "required parameter" rule asks for, if the rule is one.
 *
 * @public
 */
export function upjetRequiredField(rule: string): string | undefined {
  const r = rule.replace(/\s+/g, '');
  if (!r.startsWith(POLICY_GUARD)) return undefined;
  return UPJET_REQUIRED.exec(r.slice(POLICY_GUARD.length))?.[1];
}

/**
 * The parts of a spec schema the rules are read from.
 *
 * @public
 */
export interface RuleRequiredSchema {
  properties?: Record<string, RuleRequiredSchema>;
  required?: string[];
  [keyword: string]: unknown;
}

/** The rules' texts; the schema comes from a cluster, so nothing about its shape is assumed. */
function ruleTexts(schema: RuleRequiredSchema): string[] {
  const rules = schema['x-kubernetes-validations'];
  if (!Array.isArray(rules)) return [];
  return rules.flatMap(r => (typeof r === 'object' && r !== null && typeof (r as { rule?: unknown }).rule === 'string' ? [(r as { rule: string }).rule] : []));
}

/**
 * The spec schema with its rule-required `forProvider` fields added to `forProvider.required`; new
 * nodes only where something changed, the same object when nothing does.
 *
 * @public
 */
export function withRuleRequiredFields<S extends RuleRequiredSchema>(spec: S): S {
  const forProvider = spec.properties?.forProvider;
  if (!forProvider?.properties) return spec;
  const wanted = ruleTexts(spec)
    .map(upjetRequiredField)
    .filter((name): name is string => !!name && !!forProvider.properties?.[name] && !forProvider.required?.includes(name));
  if (!wanted.length) return spec;
  const required = [...(forProvider.required ?? []), ...new Set(wanted)];
  return { ...spec, properties: { ...spec.properties, forProvider: { ...forProvider, required } } };
}
