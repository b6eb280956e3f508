import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { repoRoot } from '../paths';
import { BackendProcess } from '../backendProcess';
import { startDemo, type Demo } from '../startDemo';
import { openBrowser, signInAsGuest, type BrowserSession } from './browser';
import { CatalogApi } from './catalogApi';
import { freePort } from './freePort';
import { walkToReview } from './formWalker';
import { table } from './table';

// The whole demo in a browser: what `npm start` serves, driven the way a newcomer would click through it.
// Slow by nature (a frontend build on a fresh clone, a real backend, a real browser), so one generous timeout.
jest.setTimeout(10 * 60_000);

const artifacts = join(repoRoot, 'test-artifacts/e2e');
const BUCKET_TEMPLATE = 'xbuckets.storage.example.org-v1alpha1';

describe('the demo, end to end in a browser', () => {
  let demo: Demo;
  let browser: BrowserSession;
  let catalog: CatalogApi;
  let stateDir: string;

  beforeAll(async () => {
    stateDir = mkdtempSync(join(tmpdir(), 'demo-e2e-'));
    demo = await startDemo({ port: await freePort(), stateDir });
    catalog = new CatalogApi(demo.url);
    browser = await openBrowser(artifacts);
  });

  afterAll(async () => {
    await browser?.close();
    await demo?.stop();
    if (stateDir) rmSync(stateDir, { recursive: true, force: true });
  });

  it('signs in as guest and the catalog lists the demo workloads, claims and Systems', async () => {
    await catalog.waitFor(
      ['component:demo/api.team-payments', 'component:demo/api.team-checkout', 'component:demo/orders-db.team-checkout', 'system:demo/payments'],
      90_000,
    );
    const { page } = browser;
    await signInAsGuest(page, demo.url);
    // One catalog view per kind of demo entity (a page holds 20 rows, so each view is narrowed).
    const views: Array<[string, string]> = [
      ['kind=component&type=service', 'component:demo/api.team-payments'],
      ['kind=component&type=crossplane-claim', 'component:demo/orders-db.team-checkout'],
      ['kind=system', 'system:demo/payments'],
    ];
    for (const [i, [filters, ref]] of views.entries()) {
      const query = filters.split('&').map(f => `filters%5B${f.split('=')[0]}%5D=${f.split('=')[1]}`).join('&');
      await page.goto(`${demo.url}/?${query}&filters%5Buser%5D=all`);
      await page.getByText(await catalog.displayName(ref), { exact: true }).first().waitFor();
      await browser.screenshot(`01-catalog-${i + 1}`);
    }
    expect(browser.takeErrors()).toEqual([]);
  });

  it('offers a Template per demo definition, and every page of every template form opens without a console error', async () => {
    const expected = [
      'template:default/postgresqlinstances.database.example.org-v1alpha1',
      `template:default/${BUCKET_TEMPLATE}`,
      'template:default/xnetworks.network.example.org-v1alpha1',
      'template:default/xapps.platform.example.org-v1alpha1',
    ];
    await catalog.waitFor(expected, 90_000);
    const { page } = browser;
    await page.goto(`${demo.url}/create`);
    await page.getByText('PostgreSQLInstance v1alpha1').first().waitFor();
    await browser.screenshot('02-create');

    const templates = await catalog.entityRefs('kind=template');
    expect(templates).toEqual(expect.arrayContaining(expected));
    // Every page, not only the first: later pages render other widgets (selects, pickers, optional sections).
    // Nothing is submitted here; the XBucket step below submits one.
    const rows: string[][] = [];
    const failures: string[] = [];
    for (const ref of [...templates].sort()) {
      const name = ref.split('/')[1];
      await page.goto(`${demo.url}/create/templates/default/${name}`);
      await page.locator('#root_name').waitFor();
      const walk = await walkToReview(page, name.split('.')[0]);
      if (!walk.stuck) await browser.screenshot(`02-review-${name.split('.')[0]}`);
      const errors = browser.takeErrors();
      const result = walk.stuck ?? (errors.length ? `console: ${errors.join(' | ')}` : 'ok');
      rows.push([name, String(walk.pages), result]);
      if (result !== 'ok') failures.push(`${name}: ${result}`);
    }
    console.log(table(['template', 'pages walked', 'result'], rows));
    expect(failures).toEqual([]);
  });

  it('Create → XBucket → submit: the task succeeds and the local GitOps branch holds the minimal manifest', async () => {
    const { page } = browser;
    await page.goto(`${demo.url}/create/templates/default/${BUCKET_TEMPLATE}`);
    await page.locator('#root_name').fill('e2e-bucket');
    await page.locator('#root_namespace').fill('team-data');
    await page.locator('#root_owner').fill('data');
    await page.getByRole('option', { name: 'data' }).click();
    await browser.screenshot('03-form-metadata');
    await page.getByRole('button', { name: 'Next' }).click();
    await page.locator('#root_region').click();
    await page.getByRole('option', { name: 'eu-central-1' }).click();
    await browser.screenshot('04-form-settings');
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('button', { name: 'Review' }).click();
    await page.getByText('eu-central-1').waitFor();
    await browser.screenshot('05-review');
    await page.getByRole('button', { name: 'Create' }).click();

    const branch = 'backstage/xbucket-team-data-e2e-bucket';
    await page.getByText(branch).first().waitFor({ timeout: 60_000 });
    await browser.screenshot('06-task-done');
    expect(browser.takeErrors()).toEqual([]);

    const head = await demo.gitops.head(branch);
    expect(head).toBeDefined();
    const files = await demo.gitops.files(head!);
    const path = 'demo/team-data/XBucket/e2e-bucket.yaml';
    expect([...files.keys()]).toContain(path);
    const manifest = parse(files.get(path)!);
    expect(manifest).toMatchObject({
      apiVersion: 'storage.example.org/v1alpha1',
      kind: 'XBucket',
      metadata: { name: 'e2e-bucket', namespace: 'team-data', annotations: { 'kube-platform.io/owner': 'group:default/data' } },
      spec: { region: 'eu-central-1' },
    });
    // Minimal: nothing the user left at its default, no status, no server-set fields.
    expect(manifest.status).toBeUndefined();
    expect(manifest.metadata.uid).toBeUndefined();
    expect(manifest.spec.versioning).toBeUndefined();
  });

  it('merging the branch puts the bucket in the cluster and the catalog, without a restart', async () => {
    await demo.gitops.merge('backstage/xbucket-team-data-e2e-bucket');
    await demo.reconciler.reconcile();
    expect(demo.sim.get('storage.example.org/v1alpha1', 'XBucket', 'e2e-bucket', 'team-data')).toBeDefined();

    await catalog.waitFor(['component:demo/e2e-bucket.team-data'], 90_000);
    const { page } = browser;
    await page.goto(`${demo.url}/catalog/demo/component/e2e-bucket.team-data`);
    await page.getByText(await catalog.displayName('component:demo/e2e-bucket.team-data')).first().waitFor();
    await page.getByText('About', { exact: true }).first().waitFor();
    await browser.screenshot('07-merged-bucket-entity');
    // kube-sim plays Crossplane: the composite got the resources its Composition describes.
    await page.goto(`${demo.url}/catalog/demo/component/e2e-bucket.team-data/resources`);
    await page.getByText('BucketVersioning', { exact: true }).first().waitFor();
    await browser.screenshot('07b-merged-bucket-resources');
    expect(browser.takeErrors()).toEqual([]);
  });

  it("an allowed user sees the failing claim's graph with its root cause, and a node's YAML in the drawer", async () => {
    const { page } = browser;
    await page.goto(`${demo.url}/catalog/demo/component/orders-db.team-checkout/resources`);
    await page.getByText('Root cause:').waitFor();
    await page.getByText('Cannot find version 16.1 for postgres').first().waitFor();
    await browser.screenshot('08-resources-graph');
    await page.getByText('orders-db-q8w4n-f5gzt', { exact: true }).last().click();
    await page.getByText('engineVersion: "16.1"').waitFor();
    await browser.screenshot('09-resources-drawer-yaml');
    expect(browser.takeErrors()).toEqual([]);
  });

  it('the crash-looping workload and the failing claim each explain their problem and propose a fix', async () => {
    const { page } = browser;
    await page.goto(`${demo.url}/catalog/demo/component/cart.team-checkout/resources`);
    const problems = page.getByRole('region', { name: 'Problems' });
    await problems.getByText('Container cart keeps crashing (exit code 2)').waitFor();
    await browser.screenshot('09b-workload-problems');
    await page.getByRole('button', { name: 'Proposed fix: Container cart keeps crashing (exit code 2)' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('The container starts and exits again and again').waitFor();
    // The evidence ends with the crashed run's log tail, read through pods/log: the panic says what to fix.
    const evidence = dialog.getByLabel('Evidence');
    await evidence.getByText('panic: invalid configuration: redis.address is required', { exact: false }).waitFor();
    expect(await evidence.textContent()).toContain('log of container cart (previous run)');
    await expect(dialog.textContent()).resolves.toContain('in cluster ');
    await browser.screenshot('09c-workload-fix-dialog');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });

    await page.goto(`${demo.url}/catalog/demo/component/orders-db.team-checkout/resources`);
    await page.getByRole('button', { name: 'Proposed fix: The provider fails to reconcile Instance' }).click();
    await page.getByRole('dialog').getByLabel('Evidence').getByText('Cannot find version 16.1 for postgres', { exact: false }).waitFor();
    await browser.screenshot('09d-claim-fix-dialog');
    expect(browser.takeErrors()).toEqual([]);
  });

  it('a member of the denied group sees "not allowed" on the Resources tab', async () => {
    // The guest signs in as the catalog user the backend is configured with: a second backend on the
    // same cluster signs its guest in as the intern, whose group the demo policy denies.
    const intern = await BackendProcess.start({
      port: await freePort(),
      logFile: join(stateDir, 'backend-intern.log'),
      env: {
        KUBE_SIM_URL: demo.sim.url,
        KUBE_SIM_TOKEN: demo.sim.adminToken,
        KUBE_SIM_CA_DATA: Buffer.from(demo.sim.caPem ?? '').toString('base64'),
        DEMO_USER: 'user:default/intern',
        DEMO_GITOPS_REMOTE: demo.gitops.url,
      },
    });
    const session = await openBrowser(artifacts);
    try {
      await new CatalogApi(intern.url).waitFor(['component:demo/orders-db.team-checkout'], 90_000);
      const { page } = session;
      await signInAsGuest(page, intern.url);
      await page.goto(`${intern.url}/catalog/demo/component/orders-db.team-checkout/resources`);
      await page.getByText(/not allowed to see this entity's resources/i).waitFor();
      await session.screenshot('10-resources-denied');
      expect(await page.getByText('Root cause:').count()).toBe(0);
      // The browser logs the refused request itself; nothing else may fail.
      expect(session.takeErrors().filter(e => !e.includes('403'))).toEqual([]);
    } finally {
      await session.close();
      await intern.stop();
    }
  });
});
