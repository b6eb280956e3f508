import { databaseServiceFactory } from '@backstage/backend-defaults/database';
import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import { Client } from 'pg';
import { catalogModuleKubernetesIngestor } from '../../module';

/** The machine's PostgreSQL (trust auth). */
export const LOCAL_POSTGRES = { host: '127.0.0.1', port: 5432, user: 'postgres', database: 'postgres' };

/** A catalog backend with the ingestor module, its plugins' databases on the local PostgreSQL under `prefix`. */
export function startCatalogBackend(prefix: string, config: Record<string, unknown>) {
  const data = { ...config, backend: { database: { client: 'pg', connection: LOCAL_POSTGRES, prefix } } };
  return startTestBackend({
    features: [catalogPlugin, catalogModuleKubernetesIngestor, mockServices.rootConfig.factory({ data }), databaseServiceFactory, schedulerServiceFactory],
  });
}

/** Drops every database whose name starts with `prefix` (what {@link startCatalogBackend} made). */
export async function dropDatabases(prefix: string): Promise<void> {
  const client = new Client(LOCAL_POSTGRES);
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>('SELECT datname FROM pg_database WHERE datname LIKE $1', [`${prefix}%`]);
    for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
