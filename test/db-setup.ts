// Vitest global setup for integration tests: a fresh database per run (see isolated-db.ts). With
// DATABASE_URL set, databases are created on that server and dropped afterwards; without it, an
// in-memory PGlite is served on loopback. Tests read inject("databaseUrl"); suites that need a database
// of their own (scan tests) make one from inject("databaseServerUrl").
import type { TestProject } from "vitest/node";
import { createIsolatedDatabase } from "./isolated-db";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    databaseServerUrl: string | null;
    databaseMode: "postgres" | "pglite";
  }
}

export default async function setup(project: TestProject) {
  const serverUrl = process.env.DATABASE_URL ?? null;
  const database = await createIsolatedDatabase(serverUrl);
  project.provide("databaseUrl", database.url);
  project.provide("databaseServerUrl", serverUrl);
  project.provide("databaseMode", serverUrl ? "postgres" : "pglite");
  return async () => {
    await database.drop();
  };
}
