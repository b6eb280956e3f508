/**
 * Real kubectl against kube-sim: every kubectl binary scripts/install-system-deps.sh made available
 * (Debian's 1.20 and the machine's own, see kubectlBinaries.ts) must work with the simulated server.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { KubeSim, type KubeObject } from '..';
import {
  FIXTURE_DEPLOYMENTS,
  GADGET_XRD,
  INSTALL_HINT,
  WIDGET_CRD,
  deploymentYaml,
  fixtureYaml,
  kubectlBinaries,
  runKubectl,
  spawnKubectl,
  type KubectlBinary,
  type KubectlResult,
} from './kubectlBinaries';

const TEST_TIMEOUT = 60_000;

/** The rows of kubectl's table output, split into cells; the header row first. */
function rows(stdout: string): string[][] {
  return stdout.split('\n').filter(l => l.trim()).map(l => l.trim().split(/\s+/));
}

/** `namespace/name` of each row of a `get -A` table (header skipped). */
function namespacedNames(stdout: string): string[] {
  const [header, ...body] = rows(stdout);
  expect(header.slice(0, 2)).toEqual(['NAMESPACE', 'NAME']);
  return body.map(r => `${r[0]}/${r[1]}`);
}

function names(list: { items?: KubeObject[] }): string[] {
  return (list.items ?? []).map(i => i.metadata.name ?? '');
}

const binaries = kubectlBinaries();

if (binaries.length === 0) {
  const message = `No kubectl binary found (neither in .cache/kubectl-binaries nor on PATH). ${INSTALL_HINT}`;
  if (!process.env.CI) {
    // eslint-disable-next-line no-console
    console.warn(`\n${'!'.repeat(100)}\n!! kubectl conformance tests cannot run: ${message}\n${'!'.repeat(100)}\n`);
  }
  it('finds a kubectl binary to test', () => {
    throw new Error(message);
  });
} else {
  describe.each(binaries.map(b => [`${b.gitVersion} (${b.path})`, b] as const))('kubectl %s', (_label: string, bin: KubectlBinary) => {
    let dir: string;
    let sim: KubeSim;
    let counter = 0;
    const unique = (prefix: string) => `${prefix}-${++counter}`;
    const file = (name: string, content: string) => {
      const path = join(dir, name);
      writeFileSync(path, content);
      return path;
    };
    const kubectlWith = (kubeconfig: string, args: string[]): Promise<KubectlResult> =>
      runKubectl(bin.path, ['--kubeconfig', kubeconfig, '--cache-dir', join(dir, 'cache'), ...args]);
    const kubectl = (...args: string[]) => kubectlWith(join(dir, 'kubeconfig'), args);
    /** Runs kubectl, failing the test (with its stderr) unless it exits 0; returns stdout. */
    const ok = async (...args: string[]): Promise<string> => {
      const r = await kubectl(...args);
      if (r.code !== 0) throw new Error(`kubectl ${args.join(' ')} exited ${r.code}\nstdout: ${r.stdout}\nstderr: ${r.stderr}`);
      return r.stdout;
    };
    /** Runs kubectl expecting it to fail; returns stderr. */
    const fails = async (...args: string[]): Promise<string> => {
      const r = await kubectl(...args);
      if (r.code === 0) throw new Error(`kubectl ${args.join(' ')} succeeded but should have failed\nstdout: ${r.stdout}`);
      return r.stderr;
    };

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'kube-sim-kubectl-'));
      sim = await KubeSim.start({ manifests: [file('fixture.yaml', fixtureYaml())] });
      // A fixture that does not load would make every test below fail for the wrong reason.
      if (sim.seedReport.errors.length) throw new Error(`fixture failed to load: ${JSON.stringify(sim.seedReport.errors)}`);
      sim.writeKubeconfig(join(dir, 'kubeconfig'));
    }, TEST_TIMEOUT);

    afterAll(async () => {
      await sim?.stop();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    it('version shows the server version', async () => {
      expect(await ok('version')).toContain('kube-sim');
      const version = JSON.parse(await ok('version', '-o', 'json')) as { serverVersion?: { gitVersion?: string } };
      expect(version.serverVersion?.gitVersion).toContain('kube-sim');
    }, TEST_TIMEOUT);

    it('get deployments -A lists every namespace with READY counts', async () => {
      const [header, ...body] = rows(await ok('get', 'deployments', '-A'));
      expect(header.slice(0, 3)).toEqual(['NAMESPACE', 'NAME', 'READY']);
      for (const d of FIXTURE_DEPLOYMENTS) {
        expect(body).toContainEqual(expect.arrayContaining([d.ns, d.name, d.ready]));
        expect(body.find(r => r[0] === d.ns && r[1] === d.name)?.[2]).toBe(d.ready);
      }
      expect(new Set(body.map(r => r[0])).size).toBeGreaterThanOrEqual(2);
    }, TEST_TIMEOUT);

    it.each(['1', '2'])('get deployments -A --chunk-size=%s lists all, in order, once', async chunk => {
      const listed = namespacedNames(await ok('get', 'deployments', '-A', `--chunk-size=${chunk}`));
      const stored = sim.list('apps/v1', 'Deployment').map(d => `${d.metadata.namespace}/${d.metadata.name}`);
      expect(listed.length).toBeGreaterThanOrEqual(5);
      expect(new Set(listed).size).toBe(listed.length);
      expect(listed).toEqual([...stored].sort());
      expect(listed).toEqual(expect.arrayContaining(FIXTURE_DEPLOYMENTS.map(d => `${d.ns}/${d.name}`)));
    }, TEST_TIMEOUT);

    it('get ns', async () => {
      const [header, ...body] = rows(await ok('get', 'ns'));
      expect(header.slice(0, 2)).toEqual(['NAME', 'STATUS']);
      for (const ns of ['default', 'kube-system', 'kc-a', 'kc-b']) expect(body).toContainEqual(expect.arrayContaining([ns, 'Active']));
    }, TEST_TIMEOUT);

    it('get pods -o json and -o yaml give a List of pods', async () => {
      for (const [format, parseOut] of [['json', (s: string): unknown => JSON.parse(s)], ['yaml', (s: string): unknown => parse(s)]] as const) {
        const list = parseOut(await ok('get', 'pods', '-n', 'kc-a', '-o', format)) as { apiVersion?: string; kind?: string; items?: KubeObject[] };
        expect(list.kind).toBe('List');
        expect(list.apiVersion).toBe('v1');
        expect(list.items?.map(i => i.kind)).toEqual(['Pod', 'Pod', 'Pod']);
        expect(names(list).sort()).toEqual(['api-1', 'web-1', 'web-2']);
      }
    }, TEST_TIMEOUT);

    it('get with a label selector', async () => {
      expect(rows(await ok('get', 'pods', '-n', 'kc-a', '-l', 'app=web')).slice(1).map(r => r[0])).toEqual(['web-1', 'web-2']);
      expect(namespacedNames(await ok('get', 'deployments', '-A', '-l', 'app=web'))).toEqual(['kc-a/web', 'kc-b/web']);
      expect(await ok('get', 'deployments', '-A', '-l', 'app in (api,worker),app!=api')).toContain('worker');
    }, TEST_TIMEOUT);

    it('get with a field selector', async () => {
      const listed = namespacedNames(await ok('get', 'deployments', '-A', '--field-selector', 'metadata.namespace!=kube-system'));
      expect(listed).toEqual(expect.arrayContaining(['kc-a/web', 'kc-b/worker']));
      expect(listed.filter(n => n.startsWith('kube-system/'))).toEqual([]);
      expect(sim.get('apps/v1', 'Deployment', 'coredns', 'kube-system')).toBeDefined();
    }, TEST_TIMEOUT);

    it('create -f, then AlreadyExists', async () => {
      const cm = unique('created');
      const path = file(`${cm}.yaml`, `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ${cm}, namespace: kc-b}\ndata: {a: "1"}\n---\n${deploymentYaml('kc-b', cm, cm, 1)}`);
      const out = await ok('create', '-f', path);
      expect(out).toContain(`configmap/${cm} created`);
      expect(out).toContain(`deployment.apps/${cm} created`);
      expect(sim.get('v1', 'ConfigMap', cm, 'kc-b')?.data).toEqual({ a: '1' });
      expect(sim.get('apps/v1', 'Deployment', cm, 'kc-b')).toBeDefined();
      const err = await fails('create', '-f', path);
      expect(err).toContain('AlreadyExists');
      expect(err).toContain(`configmaps "${cm}" already exists`);
    }, TEST_TIMEOUT);

    it('apply -f creates, configures, leaves unchanged; --server-side too', async () => {
      const cm = unique('applied');
      const write = (mode: string) => file(`${cm}.yaml`, `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ${cm}, namespace: kc-b}\ndata: {mode: ${mode}}\n`);
      expect(await ok('apply', '-f', write('one'))).toContain(`configmap/${cm} created`);
      expect(await ok('apply', '-f', write('two'))).toContain(`configmap/${cm} configured`);
      expect(sim.get('v1', 'ConfigMap', cm, 'kc-b')?.data).toEqual({ mode: 'two' });
      expect(await ok('apply', '-f', write('two'))).toContain(`configmap/${cm} unchanged`);

      const ssa = unique('ssa');
      const writeSsa = (mode: string) => file(`${ssa}.yaml`, `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ${ssa}, namespace: kc-b}\ndata: {mode: ${mode}}\n`);
      expect(await ok('apply', '--server-side', '-f', writeSsa('one'))).toContain(`configmap/${ssa} serverside-applied`);
      expect(await ok('apply', '--server-side', '-f', writeSsa('two'))).toContain(`configmap/${ssa} serverside-applied`);
      expect(sim.get('v1', 'ConfigMap', ssa, 'kc-b')?.data).toEqual({ mode: 'two' });
    }, TEST_TIMEOUT);

    it('delete -f, delete by name, and NotFound', async () => {
      const [a, b] = [unique('doomed'), unique('doomed')];
      sim.apply([a, b].map(name => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: 'kc-b' } })));
      const path = file(`${a}.yaml`, `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ${a}, namespace: kc-b}\n`);
      expect(await ok('delete', '-f', path)).toContain(`configmap "${a}" deleted`);
      expect(sim.get('v1', 'ConfigMap', a, 'kc-b')).toBeUndefined();
      expect(await ok('delete', 'configmap', b, '-n', 'kc-b')).toContain(`configmap "${b}" deleted`);
      expect(sim.get('v1', 'ConfigMap', b, 'kc-b')).toBeUndefined();
      const err = await fails('delete', 'configmap', b, '-n', 'kc-b');
      expect(err).toContain('NotFound');
      expect(err).toContain(`configmaps "${b}" not found`);
      expect(await fails('delete', '-f', path)).toContain(`configmaps "${a}" not found`);
    }, TEST_TIMEOUT);

    it('a CRD: get by plural, short name, qualified name and category, with printer columns', async () => {
      expect(await ok('create', '-f', file('widget-crd.yaml', WIDGET_CRD))).toContain('customresourcedefinition.apiextensions.k8s.io/widgets.example.org created');
      sim.apply([
        { apiVersion: 'example.org/v1', kind: 'Widget', metadata: { name: 'sprocket', namespace: 'kc-a' }, spec: { size: 'large' } },
        { apiVersion: 'example.org/v1', kind: 'Widget', metadata: { name: 'cog', namespace: 'kc-b' }, spec: { size: 'tiny' } },
      ]);
      const [header, ...body] = rows(await ok('get', 'widgets', '-A'));
      expect(header.slice(0, 3)).toEqual(['NAMESPACE', 'NAME', 'SIZE']);
      expect(body.map(r => r.slice(0, 3))).toEqual([['kc-a', 'sprocket', 'large'], ['kc-b', 'cog', 'tiny']]);
      for (const resource of ['wd', 'widget.example.org', 'widget', 'widgets.v1.example.org']) {
        const [h, ...r] = rows(await ok('get', resource, '-n', 'kc-a'));
        expect(h.slice(0, 2)).toEqual(['NAME', 'SIZE']);
        expect(r.map(x => x.slice(0, 2))).toEqual([['sprocket', 'large']]);
      }
      expect(await ok('get', 'toys', '-A')).toContain('cog');
      expect(await ok('get', 'wd', 'cog', '-n', 'kc-b', '-o', 'jsonpath={.spec.size}')).toBe('tiny');
    }, TEST_TIMEOUT);

    it('an XRD with claimNames: get the claims by plural and by the claim category', async () => {
      expect(await ok('apply', '-f', file('gadget-xrd.yaml', GADGET_XRD))).toContain('compositeresourcedefinition.apiextensions.crossplane.io/xgadgets.example.org created');
      sim.apply([
        { apiVersion: 'example.org/v1alpha1', kind: 'Gadget', metadata: { name: 'blue-gadget', namespace: 'kc-a' }, spec: { parameters: { color: 'blue' } } },
        { apiVersion: 'example.org/v1alpha1', kind: 'Gadget', metadata: { name: 'red-gadget', namespace: 'kc-b' }, spec: { parameters: { color: 'red' } } },
      ]);
      expect(namespacedNames(await ok('get', 'gadgets', '-A'))).toEqual(['kc-a/blue-gadget', 'kc-b/red-gadget']);
      const byCategory = await ok('get', 'claim', '-A');
      expect(byCategory).toContain('blue-gadget');
      expect(byCategory).toContain('red-gadget');
      expect(await ok('get', 'gadget.example.org', 'red-gadget', '-n', 'kc-b', '-o', 'jsonpath={.spec.parameters.color}')).toBe('red');
      expect((await kubectl('get', 'xgadgets')).code).toBe(0);
    }, TEST_TIMEOUT);

    it('get -w shows objects created and changed while it runs', async () => {
      const cm = unique('watched');
      const watch = spawnKubectl(bin.path, ['--kubeconfig', join(dir, 'kubeconfig'), '--cache-dir', join(dir, 'cache'), 'get', 'configmaps', '-n', 'kc-a', '-w']);
      try {
        await watch.waitFor(out => out.includes('settings'), 20_000, 'the initial list');
        sim.apply({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: cm, namespace: 'kc-a' }, data: { v: '1' } });
        await watch.waitFor(out => out.includes(cm), 20_000, `ADDED ${cm}`);
        sim.apply({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: cm, namespace: 'kc-a' }, data: { v: '2', w: '3' } });
        // One row per event: the add, then the change (DATA 1 -> 2).
        await watch.waitFor(out => rows(out).filter(r => r[0] === cm).length >= 2, 20_000, `MODIFIED ${cm}`);
        expect(rows(watch.output()).filter(r => r[0] === cm).map(r => r[1])).toEqual(['1', '2']);
      } finally {
        await watch.stop();
      }
    }, TEST_TIMEOUT);

    it('errors: NotFound like the real server', async () => {
      const err = await fails('get', 'deployment', 'nope', '-n', 'kc-a');
      expect(err).toContain('Error from server (NotFound): deployments.apps "nope" not found');
      expect(await fails('get', 'widgetz')).toContain(`the server doesn't have a resource type "widgetz"`);
    }, TEST_TIMEOUT);

    describe('a user without access to secrets', () => {
      let viewer: KubeSim;
      let kubeconfig: string;
      beforeAll(async () => {
        viewer = await KubeSim.start({ users: [{ name: 'viewer', token: 't', deny: [{ resources: ['secrets'] }] }] });
        kubeconfig = viewer.writeKubeconfig(join(dir, 'viewer-kubeconfig'));
      }, TEST_TIMEOUT);
      afterAll(async () => {
        await viewer?.stop();
      });

      it('gets Forbidden for secrets, and may list configmaps', async () => {
        const inNs = await kubectlWith(kubeconfig, ['get', 'secrets', '-n', 'default']);
        expect(inNs.code).not.toBe(0);
        expect(inNs.stderr).toContain('Error from server (Forbidden)');
        expect(inNs.stderr).toContain('User "viewer" cannot list resource "secrets" in API group "" in the namespace "default"');
        const all = await kubectlWith(kubeconfig, ['get', 'secrets', '-A']);
        expect(all.stderr).toContain('cannot list resource "secrets" in API group "" at the cluster scope');
        const cms = await kubectlWith(kubeconfig, ['get', 'configmaps', '-n', 'default']);
        expect(cms.code).toBe(0);
      }, TEST_TIMEOUT);
    });
  });
}
