import { readFileSync } from 'node:fs';

export interface SyncRun {
  replica: string;
  start: number;
  end: number;
}

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;
const FINISHED = /^(\S+Z) catalog info Kubernetes ingestion finished in (\d+) ms/;

/** The ingestor's scheduled full syncs in a backend log, from its "ingestion finished in N ms" lines. */
export function syncRuns(logFile: string, replica: string): SyncRun[] {
  return readFileSync(logFile, 'utf8')
    .split('\n')
    .map(line => FINISHED.exec(line.replace(ANSI, '')))
    .filter((m): m is RegExpExecArray => m !== null)
    .map(m => {
      const end = Date.parse(m[1]);
      return { replica, start: end - Number(m[2]), end };
    });
}

/** Runs that started before an earlier run had finished. */
export function overlapping(runs: SyncRun[]): SyncRun[] {
  const sorted = [...runs].sort((a, b) => a.start - b.start);
  let latestEnd = -Infinity;
  const found: SyncRun[] = [];
  for (const run of sorted) {
    if (run.start < latestEnd) found.push(run);
    latestEnd = Math.max(latestEnd, run.end);
  }
  return found;
}
