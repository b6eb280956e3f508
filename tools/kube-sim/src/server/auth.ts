import { timingSafeEqual } from 'node:crypto';
import { ApiError } from '../api/errors';

/** An RBAC-like rule; `*` or an absent list matches everything. */
export interface AccessRule {
  verbs?: string[];
  /** API groups; '' is the core group. */
  apiGroups?: string[];
  /** Plurals, optionally with a subresource (`deployments/status`). */
  resources?: string[];
  namespaces?: string[];
}

export interface SimUser {
  name: string;
  token: string;
  /** When given, only requests matching one of these are allowed. Absent: cluster-admin. */
  allow?: AccessRule[];
  /** Requests matching any of these are forbidden, whatever `allow` says. */
  deny?: AccessRule[];
}

export interface AccessRequest {
  verb: string;
  group: string;
  resource: string;
  subresource?: string;
  namespace?: string;
}

function matchesList(list: string[] | undefined, value: string): boolean {
  return !list || list.includes('*') || list.includes(value);
}

function matchesRule(rule: AccessRule, req: AccessRequest): boolean {
  const resource = req.subresource ? `${req.resource}/${req.subresource}` : req.resource;
  return (
    matchesList(rule.verbs, req.verb) &&
    matchesList(rule.apiGroups, req.group) &&
    (matchesList(rule.resources, resource) || matchesList(rule.resources, req.resource)) &&
    (!rule.namespaces || (req.namespace !== undefined && matchesList(rule.namespaces, req.namespace)))
  );
}

/** Bearer-token authentication and per-user rules, answering with the real server's Status bodies. */
export class Authenticator {
  constructor(private users: SimUser[]) {}

  setUsers(users: SimUser[]): void {
    this.users = users;
  }

  authenticate(header: string | undefined): SimUser {
    const m = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
    const token = m?.[1];
    const user = token ? this.users.find(u => sameToken(u.token, token)) : undefined;
    if (!user) throw new ApiError(401, 'Unauthorized', 'Unauthorized');
    return user;
  }

  authorize(user: SimUser, req: AccessRequest): void {
    const denied = user.deny?.some(r => matchesRule(r, req));
    const allowed = !user.allow || user.allow.some(r => matchesRule(r, req));
    if (denied || !allowed) throw forbidden(user, req);
  }
}

function sameToken(a: string, b: string): boolean {
  const ba = Buffer.from(a);
  const bb = Buffer.from(b);
  return ba.length === bb.length && timingSafeEqual(ba, bb);
}

function forbidden(user: SimUser, req: AccessRequest): ApiError {
  const qualified = req.group ? `${req.resource}.${req.group}` : req.resource;
  const resource = req.subresource ? `${req.resource}/${req.subresource}` : req.resource;
  const scope = req.namespace ? `in the namespace "${req.namespace}"` : 'at the cluster scope';
  return new ApiError(
    403,
    'Forbidden',
    `${qualified} is forbidden: User "${user.name}" cannot ${req.verb} resource "${resource}" in API group "${req.group}" ${scope}`,
    { group: req.group || undefined, kind: req.resource },
  );
}
