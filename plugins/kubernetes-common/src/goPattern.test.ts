import { javascriptPattern } from './goPattern';

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
