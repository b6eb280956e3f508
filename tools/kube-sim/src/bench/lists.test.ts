import { listsOf } from './lists';

describe('listsOf', () => {
  const sel = 'fieldSelector=metadata.namespace%21%3Dkube-system';
  it('keeps each first-page cluster-wide LIST once, with its host, kind, page size and selectors', () => {
    const calls = listsOf([
      '127.0.0.1:1/apis',
      '127.0.0.1:1/apis/apps/v1',
      '127.0.0.1:1/api/v1/namespaces?limit=500',
      `127.0.0.1:1/apis/apps/v1/deployments?limit=500&${sel}`,
      `127.0.0.1:1/apis/apps/v1/deployments?limit=500&${sel}&continue=abc`,
      `127.0.0.1:2/apis/apps/v1/deployments?limit=500&${sel}`,
      `127.0.0.1:2/apis/apps/v1/deployments?limit=500&${sel}`,
    ]);
    expect(calls).toEqual([
      { host: '127.0.0.1:1', group: '', version: 'v1', plural: 'namespaces', limit: 500 },
      { host: '127.0.0.1:1', group: 'apps', version: 'v1', plural: 'deployments', limit: 500, fieldSelector: 'metadata.namespace!=kube-system' },
      { host: '127.0.0.1:2', group: 'apps', version: 'v1', plural: 'deployments', limit: 500, fieldSelector: 'metadata.namespace!=kube-system' },
    ]);
  });

  it('leaves out watches, gets and namespaced paths', () => {
    expect(listsOf([
      '127.0.0.1:1/apis/apps/v1/deployments?watch=true&resourceVersion=5',
      '127.0.0.1:1/apis/apps/v1/namespaces/a/deployments/web',
      '127.0.0.1:1/apis/apps/v1/namespaces/a/deployments',
    ])).toEqual([]);
  });
});
