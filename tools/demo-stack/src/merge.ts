import { join } from 'node:path';
import { GitopsRepo } from './gitopsRepo';
import { demoCacheDir } from './paths';

// `npm run demo:merge -- <branch>`: what merging the pull request would do on GitHub.
async function main(): Promise<void> {
  const repo = new GitopsRepo(join(demoCacheDir, 'gitops.git'));
  const branch = process.argv[2];
  if (!branch) {
    const branches = (await repo.branches()).filter(b => b !== repo.mainBranch);
    process.stderr.write(`usage: npm run demo:merge -- <branch>\nbranches: ${branches.join(', ') || '(none)'}\n`);
    process.exit(2);
  }
  const commit = await repo.merge(branch);
  process.stdout.write(`merged ${branch} into ${repo.mainBranch} (${commit.slice(0, 8)}); the demo reconciler applies it within seconds\n`);
}

main().catch(err => {
  process.stderr.write(`demo:merge: ${(err as Error).message}\n`);
  process.exit(1);
});
