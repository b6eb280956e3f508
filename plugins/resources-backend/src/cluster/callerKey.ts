import { createHash } from 'node:crypto';
import type { Caller } from './types';

/**
 * Who is asking, as a cache key: the Backstage principal and a hash of the cluster credentials the
 * request carried, since different cluster credentials may see different objects. Never the token itself.
 */
export function callerKey(caller: Caller): string {
  const p = caller.credentials.principal as { type?: string; userEntityRef?: string; subject?: string };
  const who = `${p.type ?? ''}:${p.userEntityRef ?? p.subject ?? ''}`;
  const headers = caller.clusterAuthHeaders ? JSON.stringify(Object.entries(caller.clusterAuthHeaders).sort()) : '';
  return `${who}\u0000${createHash('sha256').update(headers).digest('hex')}`;
}
