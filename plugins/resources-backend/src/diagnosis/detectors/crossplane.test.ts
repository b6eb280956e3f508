import type { KubeObject } from '../../cluster/types';
import { missingNode } from '../../tree/nodes';
import { entryOf } from '../testEntries';
import { claimCompositeDetector, compositeErrorDetector, compositeWaitingDetector, managedResourceDetector } from './crossplane';

const mr = (message: string): KubeObject => ({
  apiVersion: 'rds.aws.upbound.io/v1beta1',
  kind: 'Instance',
  metadata: { name: 'db' },
  spec: { forProvider: {} },
  status: { conditions: [{ type: 'Synced', status: 'False', reason: 'ReconcileError', message }, { type: 'Ready', status: 'False', reason: 'Creating' }] },
});

describe('Crossplane detectors', () => {
  it.each([
    ['create failed: api error InvalidParameterCombination: Cannot find version 16.1 for postgres', 'crossplane-reconcile-error'],
    ['cannot resolve references: mg.Spec.ForProvider.VpcID: referenced field was empty (referenced resource may not yet be ready)', 'crossplane-unresolved-references'],
    ['connect failed: cannot get referenced Provider: ProviderConfig.aws.upbound.io "prod" not found', 'crossplane-provider-config-missing'],
  ])('classifies %s', (message, detector) => {
    const [d] = managedResourceDetector({ entry: entryOf(mr(message)), children: [], warnings: [] });
    expect(d).toMatchObject({ detector, severity: 'error' });
    expect(d.fix.evidence[0]).toContain(message);
  });

  it('ignores a healthy managed resource and objects that are not managed resources', () => {
    const healthy = { ...mr(''), status: { conditions: [{ type: 'Synced', status: 'True' }] } };
    expect(managedResourceDetector({ entry: entryOf(healthy), children: [], warnings: [] })).toEqual([]);
    expect(managedResourceDetector({ entry: entryOf({ ...mr('x'), spec: {} }), children: [], warnings: [] })).toEqual([]);
  });

  it('names a composite Crossplane cannot compose, and not a managed resource', () => {
    const xr = entryOf({ apiVersion: 'db.example.org/v1', kind: 'XDatabase', metadata: { name: 'xr' }, spec: { crossplane: {} }, status: { conditions: [{ type: 'Synced', status: 'False', reason: 'ReconcileError', message: 'cannot compose resources: function-patch-and-transform: bad path' }] } });
    expect(compositeErrorDetector({ entry: xr, children: [], warnings: [] })[0]).toMatchObject({ detector: 'crossplane-compose-error', title: 'Crossplane cannot reconcile the XDatabase' });
    expect(compositeErrorDetector({ entry: entryOf(mr('boom')), children: [], warnings: [] })).toEqual([]);
  });

  it('says a composite waits for its failing child, naming it', () => {
    const xr = entryOf({ apiVersion: 'db.example.org/v1', kind: 'XDatabase', metadata: { name: 'xr' }, spec: { resourceRefs: [] }, status: { conditions: [{ type: 'Ready', status: 'False', reason: 'Creating' }] } });
    const [d] = compositeWaitingDetector({ entry: xr, children: [entryOf(mr('boom'))], warnings: [] });
    expect(d).toMatchObject({ detector: 'crossplane-composite-waiting', severity: 'info', title: 'XDatabase waits for a failing composed resource' });
    expect(d.fix.nextStep).toContain('Instance db');
    expect(compositeWaitingDetector({ entry: xr, children: [], warnings: [] })).toEqual([]);
  });

  it('names a claim whose composite is missing, and one not bound at all', () => {
    const claim = (bound: boolean) => entryOf({
      apiVersion: 'db.example.org/v1', kind: 'Database', metadata: { name: 'orders', namespace: 'team' },
      spec: { compositionRef: { name: 'aws' }, ...(bound ? { resourceRef: { apiVersion: 'db.example.org/v1', kind: 'XDatabase', name: 'xr' } } : {}) },
    }, 'claim', 'root');
    const gone = { node: missingNode('xr', { apiVersion: 'db.example.org/v1', kind: 'XDatabase', name: 'xr' }, 'child', 'NotFound'), depth: 1, remote: false };
    expect(claimCompositeDetector({ entry: claim(true), children: [gone], warnings: [] })[0]).toMatchObject({ detector: 'crossplane-claim-composite-missing', title: "The claim's composite resource does not exist" });
    expect(claimCompositeDetector({ entry: claim(false), children: [], warnings: [] })[0]).toMatchObject({ title: 'The claim is not bound to a composite resource' });
    const present = entryOf({ apiVersion: 'db.example.org/v1', kind: 'XDatabase', metadata: { name: 'xr' }, spec: { resourceRefs: [] } });
    expect(claimCompositeDetector({ entry: claim(true), children: [present], warnings: [] })).toEqual([]);
  });
});
