/**
 * Schema to Template: CRDs and XRDs to Backstage Template and API entities. Pure; the provider and
 * the `templates` CLI both call `convertLocatedDefinitions`.
 */
export { convertDefinitions, convertLocatedDefinitions } from './convert';
export type { ConversionProblem, ConversionResult, ConvertDependencies, LocatedObject } from './convert';
export { resolveTemplateOptions, TemplateOptionsError } from './options';
export type { FormOptions, ManifestLayout, PublishOptions, PublishTarget, SelectionOptions, TemplateOptions, TemplateOptionsInput } from './options';
export { definitionEntityName } from './names';
export { definitionApiKey, definitionApiNames, type DefinitionApiNames } from './apiNames';
export { cachedTypesGenerator, generateTypes, type TypesGenerator } from './typescript';
export { readYamlDocuments, type YamlReading } from './yamlDocuments';
export { TEMPLATE_ANNOTATIONS } from './describe';
