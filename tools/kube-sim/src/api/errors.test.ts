import { conflict, notFound } from './errors';

describe('ApiError', () => {
  it('renders a NotFound Status naming the group-qualified resource', () => {
    const status = notFound('apps', 'deployments', 'web').toStatus();
    expect(status).toMatchObject({
      kind: 'Status',
      code: 404,
      reason: 'NotFound',
      message: 'deployments.apps "web" not found',
      details: { name: 'web', group: 'apps', kind: 'deployments' },
    });
  });

  it('omits the group for the core group', () => {
    const status = conflict('', 'configmaps', 'cfg').toStatus();
    expect(status.code).toBe(409);
    expect(status.message).toContain('configmaps "cfg"');
    expect(status.details?.group).toBeUndefined();
  });
});
