import type { Entity } from '@backstage/catalog-model';
import { KubeSimFleet } from '@internal/kube-sim';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseAllDocuments, parse, stringify } from 'yaml';
import { expectAllValid, expectUniqueRefs } from '../mapping/testUtils';
import { main } from './ingest';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  const o = jest.spyOn(process.stdout, 'write').mockImplementation(chunk => {
    out.push(String(chunk));
    return true;
  });
  const e = jest.spyOn(process.stderr, 'write').mockImplementation(chunk => {
    err.push(String(chunk));
    return true;
  });
  return {
    stdout: () => out.join(''),
    stderr: () => err.join(''),
    restore: () => {
      o.mockRestore();
      e.mockRestore();
    },
  };
}

describe('npm run ingest', () => {
  let fleet: KubeSimFleet;
  let dir: string;
  beforeAll(async () => {
    fleet = await KubeSimFleet.start(2, { name: 'demo', manifests: [resolve(__dirname, '../../../../examples/cluster')] });
    dir = mkdtempSync(join(tmpdir(), 'ingest-cli-'));
  });
  afterAll(() => fleet.stop());

  it('prints every entity as valid multi-document YAML with no duplicate refs, and exits 0', async () => {
    const kubeconfig = join(dir, 'kubeconfig');
    writeFileSync(kubeconfig, fleet.kubeconfig());
    const io = capture();
    const code = await main(['--kubeconfig', kubeconfig]).finally(io.restore);
    expect(code).toBe(0);
    const docs = parseAllDocuments(io.stdout()).map(d => d.toJS() as Entity);
    expect(docs.length).toBeGreaterThan(50);
    await expectAllValid(docs);
    expectUniqueRefs(docs);
    const names = docs.filter(d => d.kind === 'Component').map(d => `${d.metadata.namespace}/${d.metadata.name}`);
    expect(names).toEqual(expect.arrayContaining(['demo-1/api.team-payments', 'demo-1/api.team-checkout', 'demo-2/api.team-payments']));
    expect(names.some(n => n.endsWith('.kube-system'))).toBe(false);
  });

  it('still prints what it read, names the failing cluster on stderr and exits non-zero', async () => {
    const config = parse(fleet.kubeconfig());
    // A third context pointing at a port nothing listens on.
    config.clusters.push({ name: 'gone', cluster: { server: 'https://127.0.0.1:1', 'insecure-skip-tls-verify': true } });
    config.users.push({ name: 'gone-admin', user: { token: 'secret-token-value' } });
    config.contexts.push({ name: 'gone', context: { cluster: 'gone', user: 'gone-admin' } });
    const kubeconfig = join(dir, 'kubeconfig-broken');
    writeFileSync(kubeconfig, stringify(config));
    const io = capture();
    const code = await main(['--kubeconfig', kubeconfig, '--context', 'demo-1', '--context', 'gone']).finally(io.restore);
    expect(code).not.toBe(0);
    expect(io.stderr()).toContain('cluster gone:');
    expect(io.stderr()).not.toContain('secret-token-value');
    const docs = parseAllDocuments(io.stdout()).map(d => d.toJS() as Entity);
    expect(docs.some(d => d.metadata.namespace === 'demo-1')).toBe(true);
    expect(docs.some(d => d.metadata.namespace === 'demo-2')).toBe(false);
  });

  it('reads the clusters and mappings from app-config files', async () => {
    const kubeconfig = join(dir, 'kubeconfig-config');
    writeFileSync(kubeconfig, fleet.kubeconfig());
    const appConfig = join(dir, 'app-config.yaml');
    writeFileSync(appConfig, stringify({
      kubernetesIngestor: { clusters: { source: 'direct', kubeconfig, contexts: ['demo-2'] }, mappings: { namespaceModel: 'default', nameModel: 'name-namespace-cluster' } },
    }));
    const io = capture();
    const code = await main(['--config', appConfig]).finally(io.restore);
    expect(code).toBe(0);
    const docs = parseAllDocuments(io.stdout()).map(d => d.toJS() as Entity);
    expect(docs.map(d => d.metadata.name)).toContain('api.team-payments.demo-2');
    expect(new Set(docs.map(d => d.metadata.namespace))).toEqual(new Set(['default']));
  });
});
