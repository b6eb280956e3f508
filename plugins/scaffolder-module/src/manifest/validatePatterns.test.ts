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
