import { isTrueFlag } from './annotations';
import { admitObject } from './mapping/scope';
import { testSettings, workloadKind } from './mapping/testUtils';
import { resolveTemplateOptions } from './templates/options';
import { isSelected } from './templates/sources';

const OPT_OUT = 'kube-platform.io/exclude-from-catalog';

describe('opt-in and opt-out flags', () => {
  it('read the same way everywhere: "true" in any case and with blanks, nothing else', () => {
    expect([' True ', 'TRUE', 'true'].map(isTrueFlag)).toEqual([true, true, true]);
    expect(['false', 'yes', '1', '', undefined, true].map(isTrueFlag)).toEqual([false, false, false, false, false, false]);
  });

  it('exclude a workload and an XRD alike when the opt-out says "True"', () => {
    const annotations = { [OPT_OUT]: 'True' };
    const workload = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'api', namespace: 'shop', annotations } };
    expect(admitObject('prod', workloadKind(), workload, new Map(), testSettings())).toMatchObject({ admitted: false, reason: 'opted-out' });
    const xrd = {
      apiVersion: 'apiextensions.crossplane.io/v1',
      kind: 'CompositeResourceDefinition',
      metadata: { name: 'xbuckets.example.org', annotations },
      spec: { group: 'example.org', names: { kind: 'XBucket', plural: 'xbuckets' } },
    };
    const selection = resolveTemplateOptions().selection;
    expect(isSelected(xrd, selection)).toBe(false);
    expect(isSelected({ ...xrd, metadata: { name: xrd.metadata.name, annotations: {} } }, selection)).toBe(true);
  });
});
