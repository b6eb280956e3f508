import { JsonValue } from '@backstage/types';
import { KubeSchema } from '../types';
import { validateCelRules } from '.';

const rule = (r: string, extra: Record<string, unknown> = {}) => ({ 'x-kubernetes-validations': [{ rule: r, ...extra }] });

/** A spec schema with one rule on `spec` itself and typed fields for it to read. */
function specWith(validations: object, properties: Record<string, KubeSchema> = {}): KubeSchema {
  return {
    type: 'object',
    properties: {
      spec: {
        type: 'object',
        properties: {
          replicas: { type: 'integer', default: 1 },
          minReplicas: { type: 'integer' },
          ratio: { type: 'number' },
          name: { type: 'string' },
          tags: { type: 'array', items: { type: 'string' } },
          url: { type: 'string' },
          size: { type: 'string' },
          ...properties,
        },
        ...validations,
      },
    },
  };
}

type Row = [what: string, validations: object, spec: JsonValue, errors: string[], notes: RegExp[]];

const rows: Row[] = [
  ['a rule that holds', rule('self.replicas >= self.minReplicas'), { replicas: 3, minReplicas: 2 }, [], []],
  [
    'a rule that fails, with its message',
    rule('self.replicas >= self.minReplicas', { message: 'replicas must be at least minReplicas' }),
    { replicas: 1, minReplicas: 2 },
    ['spec: replicas must be at least minReplicas'],
    [],
  ],
  ['a failing rule without a message names the rule', rule('self.replicas < 3'), { replicas: 5 }, ['spec: failed rule: self.replicas < 3'], []],
  [
    'messageExpression, when it evaluates to a string',
    rule('self.replicas < 3', { message: 'static', messageExpression: "'replicas is ' + string(self.replicas) + ', above 2'" }),
    { replicas: 5 },
    ['spec: replicas is 5, above 2'],
    [],
  ],
  [
    'a messageExpression that cannot be evaluated falls back to message',
    rule('self.replicas < 3', { message: 'too many', messageExpression: 'self.nope.deeper' }),
    { replicas: 5 },
    ['spec: too many'],
    [],
  ],
  [
    'fieldPath places the error',
    rule('self.replicas < 3', { message: 'too many', fieldPath: '.replicas' }),
    { replicas: 5 },
    ['spec.replicas: too many'],
    [],
  ],
  ['integers compare as CEL ints', rule('self.replicas == 2 && self.replicas + 1 == 3'), { replicas: 2 }, [], []],
  ['numbers compare as doubles', rule('self.ratio > 0.5'), { ratio: 0.75 }, [], []],
  ['the default of an unset field is seen, as on the server', rule('self.replicas == 1'), { name: 'x' }, [], []],
  ['has() on an absent field', rule('!has(self.minReplicas) || self.minReplicas > 0'), { name: 'x' }, [], []],
  ['string functions and matches()', rule("self.name.startsWith('db-') && self.name.matches('^[a-z-]+$')"), { name: 'db-main' }, [], []],
  ['the strings extension', rule("self.name.lowerAscii() == 'db'"), { name: 'DB' }, [], []],
  ['macros over lists', rule('self.tags.all(t, t.size() <= 3) && self.tags.exists(t, t == "a")'), { tags: ['a', 'bc'] }, [], []],
  ['a macro that fails', rule('self.tags.all(t, t.size() <= 1)', { message: 'short tags only' }), { tags: ['a', 'bc'] }, ['spec: short tags only'], []],
  ['a transition rule (oldSelf) is skipped on create', rule('self.size == oldSelf.size', { message: 'immutable' }), { size: 'big' }, [], []],
  ['isURL() is a Kubernetes extension: skipped with a note', rule('isURL(self.url)'), { url: 'not a url' }, [], [/isURL\(\) that this CEL library does not provide/]],
  ['regex find(): skipped', rule("self.name.find('[0-9]+') != ''"), { name: 'abc' }, [], [/find\(\)/]],
  ['list isSorted(): skipped', rule('self.tags.isSorted()'), { tags: ['b', 'a'] }, [], [/isSorted\(\)/]],
  ['quantity(): skipped', rule("quantity(self.size).isLessThan(quantity('1Gi'))"), { size: '2Gi' }, [], [/does not provide/]],
  ['a rule that does not parse: skipped', rule('self.replicas >'), { replicas: 1 }, [], [/could not be evaluated here/]],
];

describe('x-kubernetes-validations', () => {
  it.each(rows)('%s', (_what, validations, spec, errors, notes) => {
    const manifest = { apiVersion: 'example.org/v1', kind: 'Thing', metadata: { name: 't' }, spec };
    const result = validateCelRules(manifest, specWith(validations), '');
    expect(result.errors.map(e => `${e.path}: ${e.message}`)).toEqual(errors);
    expect(result.notes).toHaveLength(notes.length);
    notes.forEach((note, i) => expect(result.notes[i]).toMatch(note));
  });

  it('judges rules on list items and map values, once per value, at their path', () => {
    const schema: KubeSchema = {
      type: 'object',
      properties: {
        ports: { type: 'array', items: { type: 'object', properties: { port: { type: 'integer' } }, ...rule('self.port > 1024', { message: 'unprivileged ports only' }) } },
        limits: { type: 'object', additionalProperties: { type: 'integer', ...rule('self <= 10', { message: 'at most 10' }) } },
      },
    };
    const result = validateCelRules({ ports: [{ port: 8080 }, { port: 80 }], limits: { a: 3, b: 11 } }, schema, 'spec');
    expect(result.errors).toEqual([
      { path: 'spec.ports[1]', message: 'unprivileged ports only' },
      { path: 'spec.limits.b', message: 'at most 10' },
    ]);
  });

  it('does not run a rule on a field that is absent', () => {
    const schema: KubeSchema = { type: 'object', properties: { opt: { type: 'object', ...rule('false', { message: 'never' }) } } };
    expect(validateCelRules({}, schema, 'spec')).toEqual({ errors: [], notes: [] });
  });
});
