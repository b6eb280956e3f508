import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import { AuthorizeResult, type PolicyDecision } from '@backstage/plugin-permission-common';
import type { PermissionPolicy, PolicyQuery, PolicyQueryUser } from '@backstage/plugin-permission-node';
import { kubernetesResourcesReadPermission } from '@kube-platform/plugin-kubernetes-common';

/** The refs a caller owns through (a user and their groups); none for services. */
export type OwnershipLookup = (credentials: BackstageCredentials) => Promise<string[]>;

/**
 * The demo's policy: everything is allowed, except that members of the denied groups may not read
 * live Kubernetes resources. It shows the resources permission at work; a real policy would usually
 * return a conditional decision on the entity (owner, kind) instead of a flat deny.
 */
export class DemoPermissionPolicy implements PermissionPolicy {
  private readonly denied: ReadonlySet<string>;

  constructor(deniedGroups: readonly string[], private readonly ownership: OwnershipLookup) {
    this.denied = new Set(deniedGroups.map(normalise));
  }

  async handle(request: PolicyQuery, user?: PolicyQueryUser): Promise<PolicyDecision> {
    if (request.permission.name !== kubernetesResourcesReadPermission.name || this.denied.size === 0) {
      return { result: AuthorizeResult.ALLOW };
    }
    if (!user) return { result: AuthorizeResult.ALLOW };
    const refs = await this.ownership(user.credentials);
    const isDenied = refs.some(ref => this.denied.has(normalise(ref)));
    return { result: isDenied ? AuthorizeResult.DENY : AuthorizeResult.ALLOW };
  }
}

// Entity refs compare case-insensitively, as the catalog does.
function normalise(ref: string): string {
  return ref.toLocaleLowerCase('en-US');
}
