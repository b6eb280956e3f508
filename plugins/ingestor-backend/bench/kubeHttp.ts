import { request } from 'node:https';
import type { BenchCluster } from './setup';

/** One raw request to a benchmark cluster (the changes whose latency is measured); rejects on >= 400. */
export function kubeRequest(cluster: BenchCluster, method: string, path: string, body?: unknown, contentType = 'application/json'): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = request(new URL(path, cluster.url), {
      method,
      ca: cluster.caPem,
      // A fresh connection each time: a kept-alive one may be closed by the server as it is reused.
      agent: false,
      headers: { authorization: `Bearer ${cluster.token}`, accept: 'application/json', ...(payload ? { 'content-type': contentType } : {}) },
    }, res => {
      const chunks: Buffer[] = [];
      res.on('data', c => chunks.push(c));
      res.on('error', reject);
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        if ((res.statusCode ?? 0) >= 400) reject(new Error(`${method} ${path} answered ${res.statusCode}: ${text.slice(0, 200)}`));
        else resolve(text ? JSON.parse(text) : undefined);
      });
    });
    req.on('error', reject);
    req.end(payload);
  });
}
