/**
 * Measurement process for `--catalog`: a real catalog backend on the local PostgreSQL with the ingestor
 * module, as an app installs it, against the served fleet. From the backend's start: when the catalog
 * first shows one of the module's entities, and when it has processed all of them (the catalog's own
 * processing and stitching, not ours, is most of that time).
 *   argv: <setup.json> <expected entities>
 */
import { mockCredentials } from '@backstage/backend-test-utils';
import request from 'supertest';
import { dropDatabases, startCatalogBackend } from '../src/integration/__testUtils__/postgresBackend';
import { report, runMain } from './process';
import { readSetup } from './setup';

const PREFIX = `kube_bench_${process.pid}_`;
/** How long the catalog is given to process the fleet; a slower one is reported as not done. */
const BUDGET_MS = 45 * 60_000;
const POLL_MS = 2000;

/** What the catalog measurement reports. */
export interface CatalogReport {
  expected: number;
  /** Entities of the module's kinds the catalog serves at the end. */
  processed: number;
  firstSeenS?: number;
  allProcessedS?: number;
}

/** How many Components, Resources and Systems the catalog serves: processed and stitched entities. */
async function servedCount(server: Parameters<typeof request>[0]): Promise<number> {
  const res = await request(server)
    .get('/api/catalog/entities/by-query?limit=1&filter=kind=component&filter=kind=resource&filter=kind=system')
    .set('Authorization', mockCredentials.user.header());
  return res.status === 200 ? Number((res.body as { totalItems?: number }).totalItems ?? 0) : 0;
}

runMain(async () => {
  const [setupFile, expectedText] = process.argv.slice(2);
  const setup = readSetup(setupFile);
  const expected = Number(expectedText);
  const config = {
    kubernetesIngestor: {
      clusters: { source: 'direct', kubeconfig: setup.kubeconfig },
      // One sync in the measured time; the templates provider runs as the module wires it.
      schedule: { frequency: { hours: 1 }, timeout: { minutes: 30 } },
    },
  };
  const t0 = performance.now();
  const backend = await startCatalogBackend(PREFIX, config);
  const result: CatalogReport = { expected, processed: 0 };
  try {
    while (performance.now() - t0 < BUDGET_MS) {
      result.processed = await servedCount(backend.server);
      const elapsedS = (performance.now() - t0) / 1000;
      if (result.processed > 0) result.firstSeenS ??= elapsedS;
      if (result.processed >= expected) {
        result.allProcessedS = elapsedS;
        break;
      }
      await new Promise(resolve => setTimeout(resolve, POLL_MS));
    }
  } finally {
    await backend.stop();
    await dropDatabases(PREFIX);
  }
  report(result);
});
