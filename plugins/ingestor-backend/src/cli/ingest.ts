/**
 * Preview: prints, as multi-document YAML on stdout, exactly the entities the provider would emit.
 * Per-cluster errors go to stderr; the exit status is 0 only when every cluster and kind was read.
 *
 *   npm run ingest -- [--config app-config.yaml]... [--kubeconfig <file>] [--context <name>]...
 */
import { errorMessage } from '@kube-platform/plugin-kubernetes-node';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { stringify } from 'yaml';
import { mappingSettings } from '../config/mappingSettings';
import { readIngestorConfig } from '../config/readConfig';
import { readConfigFiles } from './configFiles';
import type { IngestorConfig } from '../config/types';
import { Ingestion } from '../provider/ingestion';
import { clusterSource } from '../provider/sources';


function withKubeconfig(config: IngestorConfig, kubeconfig: string | undefined, contexts: string[] | undefined): IngestorConfig {
  if (!kubeconfig) return config;
  return { ...config, clusters: { ...config.clusters, source: 'direct', kubeconfig: resolve(kubeconfig), contexts: contexts?.length ? contexts : undefined, direct: [] } };
}

export async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      config: { type: 'string', multiple: true },
      kubeconfig: { type: 'string' },
      context: { type: 'string', multiple: true },
    },
  });
  const settings = withKubeconfig(readIngestorConfig(await readConfigFiles(values.config ?? [])), values.kubeconfig, values.context);
  if (settings.clusters.source === 'proxy') {
    throw new Error('The preview cannot reach the kubernetes-backend proxy: pass --kubeconfig, or set kubernetesIngestor.clusters.source to "direct"');
  }
  const ingestion = new Ingestion(mappingSettings(settings), clusterSource(settings));
  const { emission, readings } = await ingestion.sync();

  let failed = false;
  for (const r of readings) {
    if (r.error) {
      failed = true;
      process.stderr.write(`cluster ${r.cluster}: ${r.error}\n`);
    }
    for (const k of r.kinds) {
      if (!k.outcome.ok) {
        failed = true;
        process.stderr.write(`cluster ${r.cluster}: listing ${k.source.kind} failed: ${k.outcome.error}\n`);
      }
    }
    if (r.rolesFailed) {
      failed = true;
      process.stderr.write(`cluster ${r.cluster}: discovering ${r.rolesFailed.roles.join(' and ')} kinds failed: ${r.rolesFailed.error}\n`);
    }
  }
  for (const s of emission.skipped) if (s.reason === 'invalid') process.stderr.write(`warning: cluster ${s.cluster}: ${s.object} skipped: ${s.message}\n`);
  for (const w of emission.warnings) process.stderr.write(`warning: cluster ${w.cluster}: ${w.object}: ${w.message}\n`);
  process.stdout.write(emission.entities.map(e => stringify(e)).join('---\n'));
  return failed ? 1 : 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    code => process.exit(code),
    error => {
      process.stderr.write(`ingest: ${errorMessage(error)}\n`);
      process.exit(2);
    },
  );
}
