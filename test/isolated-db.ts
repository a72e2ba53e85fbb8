// A fresh, migrated database for one test run or one suite: a new database on the Postgres server
// when serverUrl is given, otherwise an in-memory PGlite served on loopback.
import pg from "pg";
import { connect } from "@/db/client";
import { startEmbeddedPostgres } from "@/db/embedded";
import { migrateDatabase } from "@/db/migrate";

export type IsolatedDatabase = { url: string; drop: () => Promise<void> };

async function createPostgresDatabase(serverUrl: string): Promise<IsolatedDatabase> {
  const name = `tenfold_it_${process.pid}_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
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

export async function createIsolatedDatabase(serverUrl: string | null): Promise<IsolatedDatabase> {
  const database = serverUrl
    ? await createPostgresDatabase(serverUrl)
    : await startEmbeddedPostgres({ dataDir: null }).then((handle) => ({ url: handle.url, drop: handle.stop }));
  const connection = connect(database.url, { max: 2 });
  await migrateDatabase(connection);
  await connection.close();
  return database;
}
