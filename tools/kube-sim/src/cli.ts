import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { KubeSimFleet } from './kubeSim';

const USAGE = `Usage: npm run sim -- [--manifests <dir-or-file>]... [--port N] [--kubeconfig <file>] [--clusters N] [--http] [--name NAME]

Runs in-memory Kubernetes API servers until stopped (Ctrl-C) and writes a kubeconfig for them.`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      manifests: { type: 'string', multiple: true },
      port: { type: 'string' },
      kubeconfig: { type: 'string', default: '.kube-sim/kubeconfig' },
      clusters: { type: 'string', default: '1' },
      http: { type: 'boolean', default: false },
      name: { type: 'string', default: 'kube-sim' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const count = Number(values.clusters);
  const port = values.port ? Number(values.port) : 0;
  if (!Number.isInteger(count) || count < 1) throw new Error(`--clusters must be a positive integer, got "${values.clusters}"`);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a port number, got "${values.port}"`);

  const fleet = await KubeSimFleet.start(count, {
    name: values.name,
    port,
    tls: !values.http,
    manifests: (values.manifests ?? []).map(m => resolve(m)),
  });
  const file = fleet.writeKubeconfig(resolve(values.kubeconfig!));
  for (const sim of fleet.clusters) {
    const { applied, errors } = sim.seedReport;
    process.stdout.write(`cluster ${sim.name}: ${sim.url} (${applied} objects loaded)\n`);
    for (const e of errors) process.stderr.write(`  ${e.file}${e.object ? ` ${e.object}` : ''}: ${e.message}\n`);
  }
  process.stdout.write(`\nkubeconfig: ${file}\n`);
  process.stdout.write(`try: kubectl --kubeconfig ${file} get deployments -A --chunk-size=2\n`);
  process.stdout.write('Press Ctrl-C to stop.\n');

  const shutdown = () => {
    fleet.stop().finally(() => process.exit(0));
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch(err => {
  process.stderr.write(`kube-sim: ${(err as Error).message}\n`);
  process.exit(1);
});
