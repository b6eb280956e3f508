/**
 * What the backend modules and the frontend share: Kubernetes facts with one home.
 *
 * @packageDocumentation
 */
export { javascriptPattern, translateGoPattern, type GoPatternTranslation } from './goPattern';
export * from './resources';
export * from './permissions';
export { ENTITY_ANNOTATIONS, ingestedEntityLocation } from './annotations';
export * from './contract';
export { upjetRequiredField, withRuleRequiredFields, type RuleRequiredSchema } from './ruleRequired';
