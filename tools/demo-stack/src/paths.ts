import { join, resolve } from 'node:path';

/** The repository root (this file is tools/demo-stack/src/paths.ts). */
export const repoRoot = resolve(__dirname, '../../..');

/** Where the demo keeps its state: kubeconfig, GitOps repository, logs. Git-ignored. */
export const demoCacheDir = join(repoRoot, '.cache/demo');
