import { assertBranchName, branchFromTitle } from './branchName';

describe('branch names', () => {
  it('derives the same branch from the same title, with the prefix', () => {
    expect(branchFromTitle('Create PostgreSQLInstance team-a/orders-db')).toBe(
      'backstage/create-postgresqlinstance-team-a-orders-db',
    );
    expect(branchFromTitle('Create PostgreSQLInstance team-a/orders-db', 'gitops/')).toBe(
      'gitops/create-postgresqlinstance-team-a-orders-db',
    );
    expect(branchFromTitle('  Ünïcode -- and   spaces!! ')).toBe('backstage/n-code-and-spaces');
  });

  it.each(['', 'a..b', '-x', 'x/', 'x.lock', 'has space', 'a~b', 'a:b', 'a@{b'])('rejects %p', name => {
    expect(() => assertBranchName(name)).toThrow(/not a valid git branch name/);
  });

  it('rejects a title with nothing usable', () => {
    expect(() => branchFromTitle('!!!')).toThrow(/Cannot derive a branch name/);
  });
});
