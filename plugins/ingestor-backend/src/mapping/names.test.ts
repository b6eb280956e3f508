import { KubernetesValidatorFunctions, makeValidator } from '@backstage/catalog-model';
import type { NameModel, NamespaceModel } from '../config/types';
import { mapReadings } from './mapReading';
import {
  composeEntityName,
  entityNameFor,
  entityNamespaceFor,
  isDnsLabel,
  sanitizeTags,
  shortHash,
  toDnsLabel,
} from './names';
import { deployment, expectAllValid, expectUniqueRefs, reading, refsOf, testSettings, workloadKind } from './testUtils';

/** The brief's (and Backstage's historical, stricter) entity name rule. */
const STRICT_NAME = /^([A-Za-z0-9][-_.]?)*[A-Za-z0-9]$/;
const validators = makeValidator();

function expectValidName(name: string) {
  expect(name.length).toBeLessThanOrEqual(63);
  expect(name).toMatch(STRICT_NAME);
  expect(KubernetesValidatorFunctions.isValidObjectName(name)).toBe(true);
}

const LONG_NAME = `${'a'.repeat(60)}.${'b'.repeat(60)}.${'c'.repeat(60)}.${'d'.repeat(70)}`;
const ARN = 'arn:aws:eks:eu-west-1:123456789012:cluster/prod';
const HOSTILE = [LONG_NAME, 'Prod.EU_1', ARN, 'UPPER', 'web-🚀', '🚀', '', '---', 'a..b', '_x_', ' spaced name ', 'a'.repeat(64)];

describe('toDnsLabel', () => {
  it('keeps valid labels unchanged', () => {
    expect(toDnsLabel('prod')).toBe('prod');
    expect(toDnsLabel('eu-west-1')).toBe('eu-west-1');
  });

  it.each(HOSTILE)('turns %j into a valid label with a hash of the original', value => {
    const label = toDnsLabel(value);
    expect(isDnsLabel(label)).toBe(true);
    expect(validators.isValidNamespace(label)).toBe(true);
    expect(label.endsWith(shortHash(value))).toBe(true);
  });

  it('sanitises readable parts of cluster names', () => {
    expect(toDnsLabel('Prod.EU_1')).toBe(`prod-eu-1-${shortHash('Prod.EU_1')}`);
    expect(toDnsLabel(ARN)).toBe(`arn-aws-eks-eu-west-1-123456789012-cluster-prod-${shortHash(ARN)}`);
  });

  it('never merges names that differ only in case or punctuation', () => {
    const labels = ['prod', 'Prod', 'PROD', 'prod.', 'prod_', 'p-rod', 'p.rod'].map(toDnsLabel);
    expect(new Set(labels).size).toBe(labels.length);
  });
});

describe('composeEntityName', () => {
  it('joins valid parts with dots, unchanged', () => {
    expect(composeEntityName(['web', 'team-a'])).toBe('web.team-a');
    expect(composeEntityName(['api.v2', 'team-a'])).toBe('api.v2.team-a');
  });

  it.each(HOSTILE)('makes a valid name from %j', value => {
    const names = [composeEntityName([value, 'team-a']), composeEntityName([value])];
    expect(names.every(name => name.length <= 63 && STRICT_NAME.test(name))).toBe(true);
    names.forEach(expectValidName);
  });

  it('cuts a 253-character object name but keeps the namespace readable', () => {
    const name = composeEntityName([LONG_NAME, 'team-payments']);
    expectValidName(name);
    expect(name).toBe(`${LONG_NAME.slice(0, 42)}.team-payments-${shortHash(JSON.stringify([LONG_NAME, 'team-payments']))}`);
  });

  it('tells apart names that sanitise alike', () => {
    const names = [['Web', 'a'], ['web_', 'a'], ['WEB', 'a'], ['web', 'A']].map(composeEntityName);
    expect(new Set([...names, 'web.a']).size).toBe(5);
  });
});

describe('entityNameFor and entityNamespaceFor', () => {
  const where = { cluster: 'Prod.EU_1', namespace: 'team-a', name: 'web' };
  it.each<[NameModel, string]>([
    ['name-namespace', 'web.team-a'],
    ['name-namespace-cluster', `web.team-a.${toDnsLabel('Prod.EU_1')}`],
    ['name-cluster', `web.${toDnsLabel('Prod.EU_1')}`],
    ['name', 'web'],
  ])('name model %s', (model, expected) => {
    expect(entityNameFor(model, where)).toBe(expected);
  });

  it('names cluster-scoped objects without a namespace part', () => {
    expect(entityNameFor('name-namespace', { cluster: 'prod', name: 'platform-eu-west-1' })).toBe('platform-eu-west-1');
  });

  it.each<[NamespaceModel, string, string]>([
    ['cluster', 'team-a', toDnsLabel('Prod.EU_1')],
    ['default', 'team-a', 'default'],
    ['namespace', 'team-a', 'team-a'],
  ])('namespace model %s', (model, namespace, expected) => {
    expect(entityNamespaceFor(model, { ...where, namespace })).toBe(expected);
  });

  it('puts cluster-scoped objects in default under the namespace model', () => {
    expect(entityNamespaceFor('namespace', { cluster: 'prod', name: 'x' })).toBe('default');
  });
});

describe('sanitizeTags', () => {
  it('lowercases, replaces invalid characters, trims, drops empties, de-duplicates and sorts', () => {
    expect(sanitizeTags('Java, spring boot,,PCI, tier_1 ,java,  ,--x--,c++,#ops,k8s:prod')).toEqual([
      '#ops',
      'c++',
      'java',
      'k8s:prod',
      'pci',
      'spring-boot',
      'tier-1',
      'x',
    ]);
  });

  it('keeps every tag within 63 characters and valid', () => {
    const tags = sanitizeTags(`${'x'.repeat(100)},🚀 rocket,${'a-'.repeat(40)}`);
    for (const tag of tags) expect(validators.isValidTag(tag)).toBe(true);
    expect(tags).toContain('rocket');
  });
});

/** A small deterministic PRNG: the property test must fail the same way every run. */
function prng(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

describe('uniqueness property', () => {
  const random = prng(42);
  const pick = <T,>(items: T[]) => items[Math.floor(random() * items.length)];
  // Mostly what Kubernetes allows, plus characters it never would: mapping must not rely on validation.
  const alphabet = Array.from('abcdefghijklmnopqrstuvwxyz0123456789-.-.ABZ_🚀');
  const randomName = (max: number) => {
    const length = 1 + Math.floor(random() * max);
    let out = pick(Array.from('abcxyz019'));
    for (let i = 1; i < length; i++) out += pick(alphabet);
    return out;
  };
  const clusters = ['prod', 'Prod', 'PROD', 'prod.eu', 'prod-eu', 'prod_eu', ARN, `${ARN}-2`, 'Prod.EU_1', '🚀', 'x'.repeat(80)];
  const namespaces = ['team-a', 'team-b', 'a', 'team-a-b', 'b', 'x'.repeat(63), 'Team_A', ...Array.from({ length: 20 }, () => randomName(12))];

  it('maps objects from different namespaces or clusters to different refs, always valid', async () => {
    const byCluster = new Map<string, Map<string, Set<string>>>();
    for (let i = 0; i < 3000; i++) {
      const cluster = pick(clusters);
      const namespace = pick(namespaces);
      const name = random() < 0.1 ? `${randomName(60)}.${randomName(60)}.${randomName(60)}.${randomName(60)}` : randomName(20);
      const ns = byCluster.get(cluster) ?? new Map<string, Set<string>>();
      byCluster.set(cluster, ns);
      const names = ns.get(namespace) ?? new Set<string>();
      ns.set(namespace, names);
      names.add(name);
    }

    const readings = [...byCluster].map(([cluster, ns]) =>
      reading(cluster, [{ source: workloadKind('Deployment'), objects: [...ns].flatMap(([namespace, names]) => [...names].map(n => deployment(n, namespace))) }]),
    );
    const total = readings.reduce((sum, r) => sum + (r.kinds[0].outcome.ok ? r.kinds[0].outcome.value.length : 0), 0);
    const result = mapReadings(readings, testSettings({ mappings: { systemModel: 'none' } }));
    expect(result.skipped).toEqual([]);
    expect(result.entities).toHaveLength(total);
    expectUniqueRefs(result.entities);

    // Every name is exactly the model's name: uniqueness came from the names, not from collision suffixes.
    for (const entity of result.entities) {
      const annotations = entity.metadata.annotations!;
      const where = {
        cluster: annotations['kube-platform.io/cluster'],
        namespace: annotations['kube-platform.io/source-namespace'],
        name: annotations['kube-platform.io/source-name'],
      };
      expect(entity.metadata.name).toBe(entityNameFor('name-namespace', where));
      expect(entity.metadata.namespace).toBe(toDnsLabel(where.cluster));
      expectValidName(entity.metadata.name);
    }
    expect(new Set(refsOf(result.entities)).size).toBe(total);
    await expectAllValid(result.entities);
  });
});
