import { validateIdentity } from './identity';

const valid = { apiVersion: 'database.example.org/v1alpha1', kind: 'PostgreSQLInstance', name: 'orders-db', namespace: 'team-a', namespaced: true };
const paths = (override: Partial<typeof valid>) => validateIdentity({ ...valid, ...override }).map(e => e.path);

describe('validateIdentity', () => {
  it('accepts what the API server accepts', () => {
    expect(validateIdentity(valid)).toEqual([]);
    expect(paths({ apiVersion: 'v1', kind: 'ConfigMap' })).toEqual([]);
    expect(paths({ apiVersion: 'apps/v1', kind: 'Deployment', name: 'a.b-c' })).toEqual([]);
    expect(paths({ namespace: undefined, namespaced: false, kind: 'XNetwork' })).toEqual([]);
  });

  it.each([
    ['a version without group other than v1', { apiVersion: 'v2' }, 'apiVersion'],
    ['an empty group', { apiVersion: '/v1' }, 'apiVersion'],
    ['an upper-case group', { apiVersion: 'Example.org/v1' }, 'apiVersion'],
    ['two slashes', { apiVersion: 'a/b/c' }, 'apiVersion'],
    ['a newline in the version', { apiVersion: 'example.org/v1\n' }, 'apiVersion'],
    ['a newline in the kind', { kind: 'Post\ngres' }, 'kind'],
    ['a slash in the kind', { kind: '../etc' }, 'kind'],
    ['a kind starting with a digit', { kind: '1Thing' }, 'kind'],
    ['a template expression as kind', { kind: '${{ secrets.X }}' }, 'kind'],
    ['a name with upper case', { name: 'Orders' }, 'metadata.name'],
    ['a namespace with a dot', { namespace: 'team.a' }, 'metadata.namespace'],
  ])('refuses %s', (_what, override, path) => {
    expect(paths(override)).toEqual([path]);
  });

  it('quotes and escapes the value in its message', () => {
    const [error] = validateIdentity({ ...valid, kind: 'A\nB\u202e' });
    expect(error.message).toBe('"A\\nB\\u202e" must start with a letter and hold only letters and digits');
  });
});
