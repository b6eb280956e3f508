import type { KubeSim } from '@internal/kube-sim';
import { parseAllDocuments } from 'yaml';
import type { GitopsRepo } from './gitopsRepo';

export interface ReconcileReport {
  commit: string;
  applied: string[];
  errors: string[];
}

/**
 * A stand-in for Argo CD or Flux: whenever the main branch of the GitOps repository moves, every YAML
 * manifest on it is applied to the cluster (create or update). Deleting files deletes nothing, which is
 * enough for the demo's "merge a claim, see it appear" loop.
 */
export class DemoReconciler {
  private lastCommit?: string;
  private timer?: NodeJS.Timeout;
  private running?: Promise<ReconcileReport | undefined>;

  constructor(
    private readonly repo: GitopsRepo,
    private readonly sim: KubeSim,
    private readonly onReport: (report: ReconcileReport) => void = () => {},
  ) {}

  start(intervalMs = 1000): void {
    this.timer = setInterval(() => void this.reconcile(), intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** One pass; returns undefined when main has not moved since the last pass (or one is in flight). */
  reconcile(): Promise<ReconcileReport | undefined> {
    if (!this.running) {
      this.running = this.pass().finally(() => {
        this.running = undefined;
      });
    }
    return this.running;
  }

  private async pass(): Promise<ReconcileReport | undefined> {
    const commit = await this.repo.head();
    if (!commit || commit === this.lastCommit) return undefined;
    const report: ReconcileReport = { commit, applied: [], errors: [] };
    for (const [path, content] of await this.repo.files(commit)) {
      if (!/\.ya?ml$/.test(path)) continue;
      for (const doc of parseAllDocuments(content)) {
        const obj = doc.toJS();
        if (!obj || typeof obj !== 'object') continue;
        try {
          const [applied] = this.sim.apply(obj);
          const ns = applied.metadata.namespace ? `${applied.metadata.namespace}/` : '';
          report.applied.push(`${applied.kind} ${ns}${applied.metadata.name}`);
        } catch (e) {
          report.errors.push(`${path}: ${(e as Error).message}`);
        }
      }
    }
    this.lastCommit = commit;
    this.onReport(report);
    return report;
  }
}
