// Vitest global setup for integration tests: a fresh database per run. With DATABASE_URL set, a new
// database is created on that server and dropped afterwards; without it, an in-memory PGlite is served
// on loopback. Either way the tests receive the URL through inject("databaseUrl").
import pg from "pg";
import type { TestProject } from "vitest/node";
import { connect } from "@/db/client";
import { startEmbeddedPostgres } from "@/db/embedded";
import { migrateDatabase } from "@/db/migrate";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    databaseMode: "postgres" | "pglite";
  }
}

async function createFreshDatabase(serverUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `tenfold_it_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const cleanup = new pg.Client({ connectionString: serverUrl });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}

export default async function setup(project: TestProject) {
  const serverUrl = process.env.DATABASE_URL;
  const fresh = serverUrl
    ? await createFreshDatabase(serverUrl)
    : await startEmbeddedPostgres({ dataDir: null }).then((handle) => ({ url: handle.url, drop: handle.stop }));
  const connection = connect(fresh.url, { max: 2 });
  await migrateDatabase(connection);
  await connection.close();
  project.provide("databaseUrl", fresh.url);
  project.provide("databaseMode", serverUrl ? "postgres" : "pglite");
  return async () => {
    await fresh.drop();
  };
}
