import { mockCredentials } from '@backstage/backend-test-utils';
import { AuthorizeResult, createPermission } from '@backstage/plugin-permission-common';
import { kubernetesResourcesReadPermission } from '@kube-platform/plugin-kubernetes-common';
import { DemoPermissionPolicy } from './demoPolicy';

const owners: Record<string, string[]> = {
  'user:default/guest': ['user:default/guest', 'group:default/platform-team'],
  'user:default/intern': ['user:default/intern', 'group:default/contractors'],
};

function policy(denied: string[]) {
  return new DemoPermissionPolicy(denied, async credentials => {
    const principal = credentials.principal as { type: string; userEntityRef?: string };
    return principal.type === 'user' ? owners[principal.userEntityRef!] ?? [] : [];
  });
}

function asUser(ref: string) {
  return { credentials: mockCredentials.user(ref), info: { userEntityRef: ref, ownershipEntityRefs: owners[ref] } };
}

describe('DemoPermissionPolicy', () => {
  const readResources = { permission: kubernetesResourcesReadPermission };

  it('denies reading Kubernetes resources to a member of a denied group (refs compared case-insensitively)', async () => {
    const decision = await policy(['group:default/Contractors']).handle(readResources, asUser('user:default/intern'));
    expect(decision.result).toBe(AuthorizeResult.DENY);
  });

  it('allows it to everybody else', async () => {
    const decision = await policy(['group:default/contractors']).handle(readResources, asUser('user:default/guest'));
    expect(decision.result).toBe(AuthorizeResult.ALLOW);
  });

  it('allows services (no ownership) to read resources', async () => {
    const decision = await policy(['group:default/contractors']).handle(readResources, {
      credentials: mockCredentials.service(),
      info: { userEntityRef: '', ownershipEntityRefs: [] },
    });
    expect(decision.result).toBe(AuthorizeResult.ALLOW);
  });

  it('allows every other permission, even to a denied group', async () => {
    const other = createPermission({ name: 'catalog.entity.read', attributes: { action: 'read' } });
    const decision = await policy(['group:default/contractors']).handle({ permission: other }, asUser('user:default/intern'));
    expect(decision.result).toBe(AuthorizeResult.ALLOW);
  });
});
