import { parse } from 'yaml';
import { examples as pushExamples } from './gitPush.examples';
import { examples as pullRequestExamples } from './pullRequest.examples';
import { examples as renderExamples } from './renderManifest.examples';

describe.each([
  ['kubernetes:manifest:render', renderExamples],
  ['kubernetes:gitops:pull-request', pullRequestExamples],
  ['kubernetes:gitops:push', pushExamples],
])('%s examples', (id, examples) => {
  it('are template steps calling the action', () => {
    for (const example of examples) {
      const { steps } = parse(example.example) as { steps: Array<{ action: string; input: object }> };
      expect(steps.map(step => step.action)).toEqual([id]);
      expect(Object.keys(steps[0].input).length).toBeGreaterThan(0);
    }
  });
});
