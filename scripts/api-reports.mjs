// API reports of the published packages, as Backstage packages keep them: `report.api.md` beside each
// package.json lists its public surface. `--check` (what `npm test` runs) fails when the surface changed and
// the report was not updated; without it the reports are rewritten (`npm run api-reports`).
// Declarations come from one `tsc` run over the repository (which also type-checks everything).
import { Extractor, ExtractorConfig } from '@microsoft/api-extractor';
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const check = process.argv.includes('--check');

/** The packages users install; dev tooling (kube-sim, demo-stack) and the examples have no report. */
const PACKAGES = [
  { dir: 'plugins/kubernetes-common', entries: ['index'] },
  { dir: 'plugins/kubernetes-node', entries: ['index'] },
  { dir: 'plugins/ingestor-backend', entries: ['index'] },
  { dir: 'plugins/scaffolder-module', entries: ['index'] },
  { dir: 'plugins/resources-backend', entries: ['index'] },
  { dir: 'plugins/resources-frontend', entries: ['index', 'alpha'] },
];

// A fresh emit: tsc is incremental here, and a declaration kept from an earlier emit can print an inferred
// type's members in another order than a clean checkout does.
rmSync(join(root, 'dist-types'), { recursive: true, force: true });
const tsc = spawnSync('bash', [join(root, 'scripts/yarn.sh'), 'tsc', '-p', 'tsconfig.json'], { cwd: root, stdio: 'inherit' });
if (tsc.status !== 0) {
  console.error('api-reports: tsc failed, so no report could be checked');
  process.exit(1);
}

// The reports record the public surface only. API Extractor's own findings (release tags, forgotten exports,
// undocumented members, our workspace packages' `.ts` entry points) are not written into them: they carry
// absolute paths, which differ between checkouts, and the TSDoc on exports is reviewed with the code.
const quiet = { logLevel: 'none', addToApiReportFile: false };
const messages = {
  compilerMessageReporting: { default: { logLevel: 'warning' } },
  extractorMessageReporting: { default: quiet },
  tsdocMessageReporting: { default: quiet },
};

const stale = [];
for (const pkg of PACKAGES) {
  for (const entry of pkg.entries) {
    const projectFolder = join(root, pkg.dir);
    const tempFolder = join(root, '.cache/api-reports', pkg.dir, entry);
    mkdirSync(tempFolder, { recursive: true });
    const config = ExtractorConfig.prepare({
      configObject: {
        projectFolder,
        mainEntryPointFilePath: join(root, 'dist-types', pkg.dir, 'src', `${entry}.d.ts`),
        compiler: {
          overrideTsconfig: {
            compilerOptions: { strict: true, skipLibCheck: true, jsx: 'react-jsx', moduleResolution: 'node', esModuleInterop: true, types: ['node'] },
          },
        },
        apiReport: {
          enabled: true,
          reportFileName: entry === 'index' ? 'report' : `report-${entry}`,
          reportFolder: projectFolder,
          reportTempFolder: tempFolder,
        },
        docModel: { enabled: false },
        dtsRollup: { enabled: false },
        tsdocMetadata: { enabled: false },
        newlineKind: 'lf',
        messages,
      },
      configObjectFullPath: undefined,
      packageJsonFullPath: join(projectFolder, 'package.json'),
    });
    const result = Extractor.invoke(config, { localBuild: !check, showVerboseMessages: false });
    const name = `${pkg.dir}${entry === 'index' ? '' : ` (${entry})`}`;
    if (!result.succeeded || (check && result.apiReportChanged)) stale.push(name);
    console.log(`api-reports: ${name}: ${result.apiReportChanged ? (check ? 'CHANGED' : 'updated') : 'unchanged'}`);
  }
}

if (stale.length) {
  console.error(
    `api-reports: the public API of ${stale.join(', ')} differs from its report.api.md; ` +
      'review the change and run `npm run api-reports` to update the report.',
  );
  process.exit(1);
}
