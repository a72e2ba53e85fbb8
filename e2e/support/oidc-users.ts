// The test IdP's people and clients, shared by e2e/support/oidc-server.ts and the specs.
export const OIDC_PORT = Number(process.env.E2E_OIDC_PORT ?? 3102);
export const OIDC_ISSUER = `http://127.0.0.1:${OIDC_PORT}`;
export const AUTH_APP_PORT = Number(process.env.E2E_AUTH_PORT ?? 3101);
export const AUTH_APP_URL = `http://localhost:${AUTH_APP_PORT}`;

export const TENFOLD_CLIENT = { id: "tenfold", secret: "e2e-tenfold-client-secret-not-real" } as const;
export const OTHER_CLIENT = { id: "another-app", secret: "e2e-another-app-secret-not-real" } as const;

// Groups → roles in the Tenfold server the tests start (scripts/e2e-server.sh oidc).
export const ADMIN_GROUP = "tenfold-admins";
export const VIEWER_GROUP = "security-review";

export const TEST_USERS = {
  alice: { name: "Alice Admin", email: "alice@example.com", groups: [ADMIN_GROUP, "platform"] },
  vera: { name: "Vera Viewer", email: "vera@example.com", groups: [VIEWER_GROUP] },
  olivia: { name: "Olivia Owner", email: "olivia@example.com", groups: ["team-a"] },
  oscar: { name: "Oscar Owner", email: "oscar@example.com", groups: ["team-b"] },
} as const;
export type TestUser = keyof typeof TEST_USERS;

// The OIDC-configured Tenfold keeps its throwaway embedded database here, so specs can seed accounts.
export const AUTH_APP_DATA_DIR = `${process.env.TMPDIR ?? "/tmp"}/tenfold-e2e-auth-${AUTH_APP_PORT}`;
