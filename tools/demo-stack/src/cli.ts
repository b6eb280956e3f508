import { relative } from 'node:path';
import { repoRoot } from './paths';
import { startDemo } from './startDemo';

// `npm start`: everything in one process tree; Ctrl-C stops the backend, the reconciler and kube-sim.
async function main(): Promise<void> {
  const port = Number(process.env.PORT ?? 7007);
  const log = (line: string) => process.stdout.write(`${line}\n`);
  log('Starting kube-sim with examples/cluster, the local GitOps repository and the demo Backstage...');
  // DEMO_CONFIG: extra config files layered over examples/app-config.yaml (comma separated), e.g.
  // examples/app-config.github.yaml for pull requests on GitHub, or examples/app-config.postgres.yaml.
  const extraConfigs = (process.env.DEMO_CONFIG ?? '').split(',').map(s => s.trim()).filter(Boolean);
  // GITHUB_TOKEN + DEMO_GITHUB_REPO=owner/name: the same templates open pull requests there instead.
  const env: Record<string, string> = {};
  const githubRepo = process.env.DEMO_GITHUB_REPO;
  if (process.env.GITHUB_TOKEN && githubRepo) {
    const [owner, name] = githubRepo.split('/');
    if (!owner || !name) throw new Error(`DEMO_GITHUB_REPO must be owner/name, got "${githubRepo}"`);
    extraConfigs.push('examples/app-config.github.yaml');
    Object.assign(env, { DEMO_GITHUB_OWNER: owner, DEMO_GITHUB_NAME: name });
    log(`Templates open pull requests on github.com/${owner}/${name}.`);
  }
  const demo = await startDemo({ port, user: process.env.DEMO_USER, extraConfigs, env, log });
  const rel = (p: string) => relative(process.cwd(), p) || p;
  log('');
  log(`Backstage:       ${demo.url}  (sign in as guest; the catalog fills within a minute)`);
  log(`kubeconfig:      ${rel(demo.kubeconfig)}   e.g. kubectl --kubeconfig ${rel(demo.kubeconfig)} get postgresqlinstances -A`);
  if (!env.DEMO_GITHUB_OWNER) log(`GitOps repo:     ${demo.gitops.path}  (submitted templates push a branch here)`);
  log(`merge a branch:  npm run demo:merge -- <branch>   (the reconciler applies main to the cluster)`);
  log(`backend log:     ${rel(`${repoRoot}/.cache/demo/backend.log`)}`);
  log(`denied group:    DEMO_USER=user:default/intern npm start   (the Resources tab then says "not allowed")`);
  log('Press Ctrl-C to stop.');

  let stopping = false;
  const shutdown = () => {
    if (stopping) return;
    stopping = true;
    log('\nStopping...');
    demo.stop().finally(() => process.exit(0));
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch(err => {
  process.stderr.write(`demo: ${(err as Error).message}\n`);
  process.exit(1);
});
