import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// Layer rules (style.md §6): enforced here so review does not have to.
const noDataLayerInUi = {
  patterns: [
    { group: ["@/db", "@/db/*", "drizzle-orm", "drizzle-orm/*", "pg", "@electric-sql/*"], message: "UI code reads data through lib/db." },
    { group: ["@aws-sdk/*", "@smithy/*"], message: "AWS calls live in lib/aws." },
    { group: ["@/sandbox", "@/sandbox/*", "**/sandbox/*"], message: "The sandbox is a test double; product code never imports it." },
  ],
};

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([".next/**", "out/**", "build/**", "next-env.d.ts", ".data/**", "test-results/**", "playwright-report/**"]),
  {
    files: ["app/**", "components/**"],
    rules: { "no-restricted-imports": ["error", noDataLayerInUi] },
  },
  {
    files: ["lib/scoring/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["next", "next/*", "@/db", "@/db/*", "@/lib/aws", "@/lib/aws/*", "@/lib/db", "@/lib/db/*", "@/lib/scan", "@/lib/scan/*", "@aws-sdk/*", "pg", "drizzle-orm", "drizzle-orm/*"], message: "lib/scoring is pure: evidence in, results out." },
          ],
        },
      ],
    },
  },
  {
    files: ["lib/**"],
    // Tests may drive the sandbox; product code may not.
    ignores: ["lib/scoring/**", "**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["@/sandbox", "@/sandbox/*", "**/sandbox/*"], message: "The sandbox is a test double; product code never imports it." }] },
      ],
    },
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
]);
