/**
 * Every Template generated from the shared corpus of published CRDs and XRDs, its form filled with
 * defaults and valid required values, rendered by the scaffolder's engine and run through the real
 * render action: whatever the action refuses here (an unknown field, a CEL rule, an enum) it would
 * refuse for a user too.
 */
import { createMockDirectory } from '@backstage/backend-test-utils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import type { JsonObject } from '@backstage/types';
// Test only: the ingestor's templates core and its test helpers (a devDependency), imported by source.
/* eslint-disable @backstage/no-forbidden-package-imports */
import {
  convertLocatedDefinitions,
  planTemplates,
} from '@kube-platform/plugin-catalog-backend-module-kubernetes-ingestor/src/templates/convert';
import { resolveTemplateOptions } from '@kube-platform/plugin-catalog-backend-module-kubernetes-ingestor/src/templates/options';
import { userSpecSchema } from '@kube-platform/plugin-catalog-backend-module-kubernetes-ingestor/src/templates/schema/normalise';
import { readCorpus } from '@kube-platform/plugin-catalog-backend-module-kubernetes-ingestor/src/templates/__testUtils__/corpus';
import { fillForm } from '@kube-platform/plugin-catalog-backend-module-kubernetes-ingestor/src/templates/__testUtils__/fill';
import { renderInput } from '@kube-platform/plugin-catalog-backend-module-kubernetes-ingestor/src/templates/__testUtils__/render';
/* eslint-enable @backstage/no-forbidden-package-imports */
import { createRenderManifestAction } from './actions';
import { captureLogger } from './testing/captureLogger';

const corpus = readCorpus();
const options = resolveTemplateOptions({ selection: { crds: { ingestAll: true }, xrds: { composites: true } } });
const { planned } = planTemplates(corpus.inputs, options);
const mockDir = createMockDirectory();
const action = createRenderManifestAction({});

type Template = { metadata: { name: string }; spec: { steps: Array<{ input: JsonObject }> } };
let templates: Map<string, Template>;

beforeAll(async () => {
  const result = await convertLocatedDefinitions(corpus.inputs, options, { typesGenerator: null });
  templates = new Map(
    result.entities.filter(e => e.kind === 'Template').map(e => [e.metadata.name, e as unknown as Template]),
  );
}, 120_000);

describe('the render action on every corpus Template', () => {
  it('has the corpus', () => {
    expect(planned.length).toBeGreaterThan(100);
  });

  it.each(planned.map(p => [p.name, p] as const))('%s: renders the filled form', async (name, item) => {
    const template = templates.get(name);
    expect(template).toBeDefined();
    const params = fillForm(item.plan.pages, item.plan.records, userSpecSchema(item.group.version));
    const input = renderInput(template!.spec.steps[0].input, params) as JsonObject;
    mockDir.clear();
    const logger = captureLogger();
    const ctx = createMockActionContext({ input, workspacePath: mockDir.path, logger });
    const outcome = await action.handler(ctx as never).then(
      () => 'rendered',
      (error: Error) => error.message,
    );
    expect(outcome).toBe('rendered');
    expect((ctx.output as jest.Mock).mock.calls.map(call => call[0])).toEqual(['paths', 'manifest', 'manifests']);
  }, 60_000);
});
