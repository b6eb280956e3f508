import { mixedEnumWarnings } from './normalise';
import { KubeSchema } from './types';
import { validateAgainstSchema } from './validate';

describe('patterns in the embedded schema', () => {
  const schema: KubeSchema = {
    type: 'object',
    properties: {
      enabled: { type: 'string', pattern: '(?i)^(true|false)$' },
      unchecked: { type: 'string', pattern: '^a(?=b)' },
      name: { type: 'string', pattern: '^[a-z]+$' },
      keys: { type: 'object', patternProperties: { '(?i)^x-': { type: 'integer' } } },
    },
  };

  it('compiles a schema with (?i) and checks values as RE2 would', () => {
    expect(validateAgainstSchema({ enabled: 'TRUE', keys: { 'X-a': 1 } }, schema)).toEqual([]);
    expect(validateAgainstSchema({ enabled: 'maybe', keys: { 'x-b': 'no' } }, schema).map(e => e.path)).toEqual([
      'enabled',
      'keys.x-b',
    ]);
  });

  it('skips a pattern JavaScript cannot compile without hiding the other fields’ errors', () => {
    expect(validateAgainstSchema({ unchecked: 'anything at all' }, schema)).toEqual([]);
    expect(validateAgainstSchema({ unchecked: 'x', name: 'NO' }, schema).map(e => e.path)).toEqual(['name']);
  });
});

describe('the duration format', () => {
  const schema: KubeSchema = { type: 'object', properties: { timeout: { type: 'string', format: 'duration' } } };

  it.each(['30s', '1h30m', '1.5h', '250ms', '0', 'PT30S'])('accepts %s', value => {
    expect(validateAgainstSchema({ timeout: value }, schema)).toEqual([]);
  });

  it.each(['soon', '30', '1h 30m'])('refuses %s', value => {
    expect(validateAgainstSchema({ timeout: value }, schema).map(e => e.path)).toEqual(['timeout']);
  });
});

describe('an enum mixing types', () => {
  const schema: KubeSchema = {
    type: 'object',
    properties: {
      size: { type: 'string', enum: ['small', 1, true, 'large'] },
      count: { type: 'integer', enum: [1, '2', 3.5] },
      nothing: { type: 'integer', enum: ['one', 'two'] },
      port: { 'x-kubernetes-int-or-string': true, enum: [80, 'http', 1.5] },
      tags: { type: 'array', items: { type: 'string', enum: ['a', 2] } },
    },
  };

  it('validates against the values of the declared type only', () => {
    expect(validateAgainstSchema({ size: 'large', count: 1, port: 'http', tags: ['a'] }, schema)).toEqual([]);
    const errors = validateAgainstSchema({ size: 'medium', count: 2, port: 1.5, tags: ['b'] }, schema);
    expect(errors).toEqual(
      expect.arrayContaining([
        { path: 'size', message: 'must be one of: small, large' },
        { path: 'count', message: 'must be one of: 1' },
        { path: 'port', message: 'must be one of: 80, http' },
        { path: 'tags[0]', message: 'must be one of: a' },
      ]),
    );
    // Nothing of the declared type is left: nothing validates, as on the API server.
    expect(validateAgainstSchema({ nothing: 1 }, schema).map(e => e.path)).toEqual(['nothing']);
  });

  it('warns once per such enum, naming the field and the values left out', () => {
    expect(mixedEnumWarnings(schema)).toEqual([
      'size: the enum mixes types; values that are not string (1, true) can never validate and are left out',
      'count: the enum mixes types; values that are not integer ("2", 3.5) can never validate and are left out',
      'nothing: the enum mixes types; values that are not integer ("one", "two") can never validate and are left out',
      'port: the enum mixes types; values that are not integer or string (1.5) can never validate and are left out',
      'tags[]: the enum mixes types; values that are not string (2) can never validate and are left out',
    ]);
  });
});
