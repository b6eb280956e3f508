import type { Detection } from './types';
import { groupDetections } from './diagnose';

const d = (detector: string, severity: Detection['severity'], nodeId: string, title = `${detector} title`, cluster = 'prod-eu'): Detection & { cluster: string } => ({
  detector, severity, nodeId, title, fix: { explanation: 'e', nextStep: 'n', evidence: [] }, cluster,
});

describe('groupDetections', () => {
  it('groups identical problems with a count and every node, and orders by severity', () => {
    const problems = groupDetections([
      d('readiness-probe', 'warning', 'p1'),
      d('crash-loop', 'error', 'p1'),
      d('crash-loop', 'error', 'p2'),
      d('crash-loop', 'error', 'p3', 'other container'),
      d('composite-waiting', 'info', 'xr'),
      d('crash-loop', 'error', 'p2'),
    ]);
    expect(problems.map(p => [p.detector, p.count, p.nodeIds])).toEqual([
      ['crash-loop', 2, ['p1', 'p2']],
      ['crash-loop', 1, ['p3']],
      ['readiness-probe', 1, ['p1']],
      ['composite-waiting', 1, ['xr']],
    ]);
    expect(problems[0].nodeId).toBe('p1');
  });

  it('puts the deepest problem of a severity first, so the cause leads what it causes', () => {
    const depths: Record<string, number> = { deploy: 0, rs: 1, pod: 2, xr: 0 };
    const problems = groupDetections(
      [d('rollout', 'error', 'deploy'), d('composite-waiting', 'info', 'xr'), d('crash-loop', 'error', 'pod'), d('image-pull', 'error', 'rs')],
      id => depths[id],
    );
    expect(problems.map(p => p.detector)).toEqual(['crash-loop', 'image-pull', 'rollout', 'composite-waiting']);
  });

  it('unions the clusters an identical problem occurs in, each once', () => {
    const [problem, other] = groupDetections([
      d('crash-loop', 'error', 'p1', 't', 'prod-eu'),
      d('crash-loop', 'error', 'p2', 't', 'prod-us'),
      d('crash-loop', 'error', 'p3', 't', 'prod-eu'),
      d('image-pull', 'error', 'p4', 't', 'prod-us'),
    ]);
    expect(problem).toMatchObject({ count: 3, clusters: ['prod-eu', 'prod-us'] });
    expect(other.clusters).toEqual(['prod-us']);
  });
});
