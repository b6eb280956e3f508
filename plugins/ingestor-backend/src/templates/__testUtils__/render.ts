/** Test helper: renders step inputs with nunjitsu, the template engine Backstage's scaffolder runs steps with. */
import { createTemplateRenderer } from 'nunjitsu';

const renderer = createTemplateRenderer({ allowRegexExecution: true });

/** Every string rendered as Backstage's NunjucksWorkflowRunner.render does (a sole expression keeps its type). */
export function renderInput(input: unknown, parameters: Record<string, unknown>, steps: Record<string, unknown> = {}): unknown {
  const context = { parameters, steps } as Parameters<typeof renderer.renderValue>[1];
  return JSON.parse(JSON.stringify(input), (_key, value) => (typeof value === 'string' ? renderer.renderValue(value, context) : value));
}
