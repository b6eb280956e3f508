import { KubeSim } from '@internal/kube-sim';
import { connectionsFromKubeconfig } from '@kube-platform/plugin-kubernetes-node';
import { EXAMPLES_CLUSTER_DIR } from '../testing/fixtures';
import { createCrdSchemaSource } from './crdSchemaSource';

const REF = { group: 'database.example.org', version: 'v1alpha1', kind: 'PostgreSQLInstance' };

describe('createCrdSchemaSource', () => {
  let sim: KubeSim;
  beforeAll(async () => {
    sim = await KubeSim.start({ name: 'sim', manifests: [EXAMPLES_CLUSTER_DIR] });
  });
  afterAll(() => sim.stop());
  afterEach(() => sim.faults.clear());

  const source = (timeoutMs?: number) =>
    createCrdSchemaSource({ connections: async () => connectionsFromKubeconfig({ yaml: sim.kubeconfig() }), describe: 'the test clusters', timeoutMs });

  it('reads one CRD by its discovered plural, not the whole CRD list', async () => {
    const before = sim.requests.length;
    const crd = await source().getSchema(REF, 'sim');
    expect(crd.scope).toBe('Namespaced');
    expect(crd.schema.type).toBe('object');
    const crdRequests = sim.requests.slice(before).filter(r => r.path.includes('customresourcedefinitions'));
    expect(crdRequests.map(r => r.path)).toEqual(['/apis/apiextensions.k8s.io/v1/customresourcedefinitions/postgresqlinstances.database.example.org']);
  });

  it('names an unknown cluster and an unserved kind', async () => {
    await expect(source().getSchema(REF, 'elsewhere')).rejects.toMatchObject({ name: 'InputError', message: expect.stringContaining('"elsewhere" is not one of the test clusters') });
    await expect(source().getSchema({ ...REF, kind: 'Octopus' })).rejects.toMatchObject({ name: 'NotFoundError', message: expect.stringContaining('serves no Octopus') });
  });

  it('gives up on a cluster that does not answer in time', async () => {
    sim.faults.add({ path: '^/apis', latencyMs: 3000 });
    const started = Date.now();
    await expect(source(300).getSchema(REF, 'sim')).rejects.toMatchObject({ failure: 'timeout' });
    expect(Date.now() - started).toBeLessThan(2500);
  });
});
