import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { overlapping, syncRuns } from './syncLog';

describe('sync runs from backend logs', () => {
  it('reads the ingestor summary lines (colours stripped) as start/end intervals', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'synclog-')), 'a.log');
    writeFileSync(
      file,
      [
        '\u001b[2m2026-12-04T18:25:13.464Z\u001b[22m \u001b[34mcatalog\u001b[39m \u001b[32minfo\u001b[39m Kubernetes ingestion finished in 910 ms: clusters ok 1',
        '2026-12-04T18:25:14.000Z catalog info Template generation finished: clusters ok 1',
        '2026-12-04T18:25:43.265Z catalog info Kubernetes ingestion finished in 691 ms: clusters ok 1',
      ].join('\n'),
    );
    expect(syncRuns(file, 'a')).toEqual([
      { replica: 'a', start: Date.parse('2026-12-04T18:25:12.554Z'), end: Date.parse('2026-12-04T18:25:13.464Z') },
      { replica: 'a', start: Date.parse('2026-12-04T18:25:42.574Z'), end: Date.parse('2026-12-04T18:25:43.265Z') },
    ]);
  });

  it('finds a run that started while another (even a long earlier one) was still running', () => {
    const long = { replica: 'a', start: 0, end: 100 };
    const inside = { replica: 'b', start: 50, end: 60 };
    const later = { replica: 'b', start: 70, end: 80 };
    expect(overlapping([later, inside, long])).toEqual([inside, later]);
    expect(overlapping([{ replica: 'a', start: 0, end: 10 }, { replica: 'b', start: 10, end: 20 }])).toEqual([]);
  });
});
