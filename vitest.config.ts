import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL("./", import.meta.url));
const alias = { "@": root, "server-only": fileURLToPath(new URL("./scripts/server-only-stub.ts", import.meta.url)) };

// Unit tests are pure and fast; integration tests touch a database or the AWS sandbox over HTTP.
export default defineConfig({
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["lib/**/*.test.ts", "db/**/*.test.ts", "components/**/*.test.ts", "infra/**/*.test.ts", "sandbox/**/*.unit.test.ts", "bench/**/*.unit.test.ts"],
          exclude: ["**/*.int.test.ts", "node_modules/**"],
          environment: "node",
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["**/*.int.test.ts"],
          globalSetup: ["test/db-setup.ts"],
          exclude: ["node_modules/**", ".next/**"],
          environment: "node",
          testTimeout: 60_000,
          hookTimeout: 60_000,
          pool: "forks",
        },
      },
    ],
  },
});
