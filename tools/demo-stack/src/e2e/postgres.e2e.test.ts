import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KubeSim } from '@internal/kube-sim';
import { Client } from 'pg';
import { BackendProcess } from '../backendProcess';
import { ensureFrontendBuilt } from '../frontendBuild';
import { repoRoot } from '../paths';
import { CatalogApi } from './catalogApi';
import { freePort } from './freePort';
import { overlapping, syncRuns } from './syncLog';

// The demo backend as real processes on this machine's PostgreSQL (127.0.0.1:5432, trust auth, user
// postgres), a fresh database per run.
jest.setTimeout(10 * 60_000);

const PG = { host: process.env.POSTGRES_HOST ?? '127.0.0.1', port: Number(process.env.POSTGRES_PORT ?? 5432), user: process.env.POSTGRES_USER ?? 'postgres' };
const DEMO_REFS = ['component:demo/api.team-payments', 'component:demo/orders-db.team-checkout', 'system:demo/payments', 'template:default/xbuckets.storage.example.org-v1alpha1'];

describe('the demo backend on PostgreSQL, with real processes', () => {
  const database = `demo_e2e_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ ...PG, database: 'postgres' });
  let sim: KubeSim;
  let stateDir: string;
  let overlay: string;
  const backends: BackendProcess[] = [];

  const startReplica = async (name: string) => {
    const backend = await BackendProcess.start({
      port: await freePort(),
      extraConfigs: ['examples/app-config.postgres.yaml', overlay],
      logFile: join(stateDir, `${name}.log`),
      env: {
        // The sync summary lines are info-level.
        LOG_LEVEL: 'info',
        KUBE_SIM_URL: sim.url,
        KUBE_SIM_TOKEN: sim.adminToken,
        KUBE_SIM_CA_DATA: Buffer.from(sim.caPem ?? '').toString('base64'),
        DEMO_USER: 'user:default/guest',
        DEMO_GITOPS_REMOTE: 'file:///nonexistent',
        POSTGRES_HOST: PG.host,
        POSTGRES_PORT: String(PG.port),
        POSTGRES_USER: PG.user,
        POSTGRES_DB: database,
      },
    });
    backends.push(backend);
    return backend;
  };

  beforeAll(async () => {
    stateDir = mkdtempSync(join(tmpdir(), 'demo-pg-'));
    // Syncs every few seconds, so a short observation covers many scheduled runs.
    overlay = join(stateDir, 'app-config.fast-sync.yaml');
    writeFileSync(overlay, 'kubernetesIngestor:\n  schedule:\n    frequency: { seconds: 3 }\n    timeout: { minutes: 1 }\n    initialDelay: { seconds: 1 }\n');
    await admin.connect();
    await admin.query(`CREATE DATABASE ${database}`);
    sim = await KubeSim.start({ name: 'demo', manifests: [join(repoRoot, 'examples/cluster')] });
    // The backend serves the built frontend when it exists; make sure a parallel build is not half-written.
    await ensureFrontendBuilt(() => {});
  });

  afterAll(async () => {
    for (const b of backends) await b.stop();
    await sim?.stop();
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`).catch(() => {});
    await admin.end();
    if (stateDir) rmSync(stateDir, { recursive: true, force: true });
  });

  it('ingests the demo cluster into a fresh PostgreSQL database', async () => {
    const backend = await startReplica('replica-a');
    await new CatalogApi(backend.url).waitFor(DEMO_REFS, 120_000);

    const db = new Client({ ...PG, database });
    await db.connect();
    try {
      const schemas = (await db.query('SELECT schema_name FROM information_schema.schemata')).rows.map(r => r.schema_name);
      expect(schemas).toEqual(expect.arrayContaining(['catalog', 'scaffolder', 'auth']));
      const stored = await db.query("SELECT count(*)::int AS n FROM catalog.final_entities f JOIN catalog.refresh_state r ON r.entity_id = f.entity_id WHERE r.entity_ref = 'component:demo/api.team-payments'");
      expect(stored.rows[0].n).toBe(1);
    } finally {
      await db.end();
    }
  });

  it('two replicas on one database: scheduled ingestion runs on one at a time, the catalog converges without duplicates or flapping', async () => {
    const [a] = backends;
    const b = await startReplica('replica-b');
    const apiA = new CatalogApi(a.url);
    const apiB = new CatalogApi(b.url);
    await apiB.waitFor(DEMO_REFS, 120_000);

    // Watch the catalog through both replicas while several scheduled syncs run.
    const started = Date.now();
    const samples: Array<Map<string, string>> = [];
    while (Date.now() - started < 25_000) {
      samples.push(await apiA.entityUids(), await apiB.entityUids());
      await new Promise(r => setTimeout(r, 2000));
    }

    const windowMs = Date.now() - started;
    const runs = [...syncRuns(join(stateDir, 'replica-a.log'), 'a'), ...syncRuns(join(stateDir, 'replica-b.log'), 'b')].filter(r => r.start >= started);
    expect(runs.length).toBeGreaterThanOrEqual(3);
    // One schedule shared through the database: never two runs at once, and no more runs than one
    // replica alone would make (two independent schedulers would make about twice as many).
    expect(overlapping(runs)).toEqual([]);
    expect(runs.length).toBeLessThanOrEqual(Math.ceil(windowMs / 3000) + 1);

    // Same entities, same uids, in every sample from either replica: nothing removed and re-added.
    const first = samples[0];
    expect(first.size).toBeGreaterThan(30);
    for (const sample of samples) expect(sample).toEqual(first);
  });
});
