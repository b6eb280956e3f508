import { javascriptPattern } from './pattern';
import { KubeSchema } from './types';
import { validateAgainstSchema } from './validate';

describe('javascriptPattern', () => {
  it('keeps patterns JavaScript already compiles as they are', () => {
    expect(javascriptPattern('^[a-z0-9]([-a-z0-9]*[a-z0-9])?$')).toBe('^[a-z0-9]([-a-z0-9]*[a-z0-9])?$');
  });

  it('rewrites (?i) as letter classes over the whole pattern', () => {
    const js = javascriptPattern('(?i)^(true|false)$')!;
    expect(js).toBe('^([tT][rR][uU][eE]|[fF][aA][lL][sS][eE])$');
    const re = new RegExp(js, 'u');
    expect(['true', 'TRUE', 'False'].every(v => re.test(v))).toBe(true);
    expect(re.test('yes')).toBe(false);
  });

  it('rewrites letter ranges in classes and leaves escapes alone', () => {
    const re = new RegExp(javascriptPattern('(?i)^[a-f\\d]+\\.x$')!, 'u');
    expect(re.test('AbC1.X')).toBe(true);
    expect(re.test('abg.x')).toBe(false);
    expect(re.test('ab1x')).toBe(false);
  });

  it('rewrites a scoped (?i:...) group, a little more permissively than RE2', () => {
    const re = new RegExp(javascriptPattern('^(?i:gi|mi)B$')!, 'u');
    expect(re.test('GiB')).toBe(true);
    expect(re.test('mib')).toBe(true);
  });

  it('rewrites Go named groups and \\A / \\z anchors', () => {
    const re = new RegExp(javascriptPattern('\\A(?P<major>\\d+)\\.(?P<minor>\\d+)\\z')!, 'u');
    expect(re.exec('1.25')?.groups).toEqual({ major: '1', minor: '25' });
    expect(re.test('v1.25')).toBe(false);
  });

  it('gives undefined for a pattern that still does not compile', () => {
    expect(javascriptPattern('(?s)^a.b$')).toBeUndefined();
    expect(javascriptPattern('^a(?U)b+$')).toBeUndefined();
  });
});

describe('patterns in the embedded schema', () => {
  const schema: KubeSchema = {
    type: 'object',
    properties: {
      enabled: { type: 'string', pattern: '(?i)^(true|false)$' },
      unchecked: { type: 'string', pattern: '(?s)^a.b$' },
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
