import { selectorString, selectsLabels } from './selectors';

describe('selectorString', () => {
  it.each([
    [{ matchLabels: { app: 'api', 'app.kubernetes.io/part-of': 'shop' } }, [], 'app=api,app.kubernetes.io/part-of=shop'],
    [{ matchLabels: { app: 'api', 'pod-template-hash': '7d9' } }, ['pod-template-hash'], 'app=api'],
    [{ matchExpressions: [{ key: 'tier', operator: 'In', values: ['web', 'api'] }, { key: 'canary', operator: 'DoesNotExist' }] }, [], 'tier in (web,api),!canary'],
    [{ matchExpressions: [{ key: 'env', operator: 'NotIn', values: ['dev'] }, { key: 'team', operator: 'Exists' }] }, [], 'env notin (dev),team'],
  ])('%j', (selector, omit, expected) => {
    expect(selectorString(selector, omit)).toBe(expected);
  });

  it.each([
    [undefined],
    [{}],
    [{ matchLabels: { app: 'api,other=x' } }],
    [{ matchLabels: { 'bad key': 'x' } }],
    [{ matchExpressions: [{ key: 'a', operator: 'Matches', values: ['x'] }] }],
  ])('gives nothing for a missing, empty or hostile selector: %j', selector => {
    expect(selectorString(selector)).toBeUndefined();
  });
});

describe('selectsLabels', () => {
  it('matches a Service selector against pod template labels', () => {
    expect(selectsLabels({ app: 'api' }, { app: 'api', tier: 'web' })).toBe(true);
    expect(selectsLabels({ app: 'api', tier: 'db' }, { app: 'api', tier: 'web' })).toBe(false);
    expect(selectsLabels({}, { app: 'api' })).toBe(false);
    expect(selectsLabels(undefined, { app: 'api' })).toBe(false);
  });
});
