import type { Detection } from './types';
import { groupDetections } from './diagnose';

const d = (detector: string, severity: Detection['severity'], nodeId: string, title = `${detector} title`): Detection => ({
  detector, severity, nodeId, title, fix: { explanation: 'e', nextStep: 'n', evidence: [] },
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
});
