import { mockCredentials, mockServices, startTestBackend } from '@backstage/backend-test-utils';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import Ajv from 'ajv';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { parse } from 'yaml';
import { scaffolderModuleKubernetesGitops } from './module';
import { demoXrdSchema } from './testing/fixtures';
import { GithubStandIn } from './testing/githubStandIn';

const template = parse(readFileSync(join(__dirname, '__fixtures__/postgresqlinstance-template.yaml'), 'utf8'));

/** What the generated form submits: defaults filled in by the form, an optional field left empty. */
const values = {
  name: 'orders-db',
  namespace: 'team-a',
  owner: 'group:default/team-a',
  parameters: {
    region: 'eu-west-1',
    size: 'small',
    engineVersion: '16.4',
    storageGB: 20,
    highAvailability: false,
    deletionProtection: true,
    backup: { retentionDays: 14, window: '02:00-03:00' },
    networkRef: { id: 'net-eu' },
    allowedCidrBlocks: [],
  },
  clusters: ['demo'],
};

describe('a Template run through the scaffolder backend', () => {
  let standIn: GithubStandIn;
  beforeEach(async () => {
    standIn = new GithubStandIn();
  });
  afterEach(() => standIn.stop());

  it('opens one pull request whose single file is the minimal manifest, valid against the CRD schema', async () => {
    const apiBaseUrl = await standIn.start();
    const { server } = await startTestBackend({
      features: [
        scaffolderPlugin,
        scaffolderModuleKubernetesGitops,
        catalogServiceMock.factory({ entities: [template] }),
        mockServices.rootConfig.factory({
          data: {
            app: { baseUrl: 'https://backstage.example.com' },
            integrations: { github: [{ host: 'github.com', apiBaseUrl, token: 'ghp_e2eSecretToken123' }] },
          },
        }),
      ],
    });
    const created = await request(server)
      .post('/api/scaffolder/v2/tasks')
      .set('Authorization', mockCredentials.user.header())
      .send({ templateRef: 'template:default/postgresqlinstance-v1alpha1', values });
    expect(created.status).toBe(201);

    let task: { status: string } = { status: 'open' };
    while (!['completed', 'failed', 'cancelled'].includes(task.status)) {
      await new Promise(resolve => setTimeout(resolve, 50));
      task = (
        await request(server)
          .get(`/api/scaffolder/v2/tasks/${created.body.id}`)
          .set('Authorization', mockCredentials.user.header())
      ).body;
    }
    if (task.status !== 'completed') {
      const events = await request(server)
        .get(`/api/scaffolder/v2/tasks/${created.body.id}/events`)
        .set('Authorization', mockCredentials.user.header());
      throw new Error(`task ${task.status}: ${JSON.stringify(events.body.map((e: { body: unknown }) => e.body))}`);
    }

    expect(standIn.pulls).toHaveLength(1);
    const [pull] = standIn.pulls;
    expect(pull.title).toBe('Create PostgreSQLInstance team-a/orders-db');
    const branchFiles = standIn.filesAt(pull.head);
    const mainFiles = standIn.filesAt('main');
    const changed = Object.keys(branchFiles).filter(path => branchFiles[path] !== mainFiles[path]);
    expect(changed).toEqual(['demo/team-a/PostgreSQLInstance/orders-db.yaml']);
    expect(branchFiles[changed[0]]).toBe(
      [
        'apiVersion: database.example.org/v1alpha1',
        'kind: PostgreSQLInstance',
        'metadata:',
        '  name: orders-db',
        '  namespace: team-a',
        '  annotations:',
        '    kube-platform.io/gitops-path: demo/team-a/PostgreSQLInstance/orders-db.yaml',
        '    kube-platform.io/owner: group:default/team-a',
        '    kube-platform.io/template: template:default/postgresqlinstance-v1alpha1',
        'spec:',
        '  parameters:',
        '    region: eu-west-1',
        '    size: small',
        '    backup:',
        '      retentionDays: 14',
        '    networkRef:',
        '      id: net-eu',
        '',
      ].join('\n'),
    );
    const validate = new Ajv({ strict: false, allErrors: true }).compile(demoXrdSchema());
    expect(validate(parse(branchFiles[changed[0]]))).toBe(true);
    expect(pull.labels).toEqual(['backstage']);
    expect(pull.body).toContain('- `spec.parameters.backup.retentionDays`: `14`');
  }, 60_000);
});
