import { describe, expect, it } from "vitest";
import { openLoginTransaction, sealLoginTransaction } from "./login-transaction";

const SECRET = "client-secret-for-tests";
const transaction = { state: "s", nonce: "n", codeVerifier: "v", returnTo: "/accounts", expiresAt: Date.now() + 60_000 };

describe("login transaction cookie", () => {
  it("round-trips under the same secret", () => {
    expect(openLoginTransaction(sealLoginTransaction(transaction, SECRET), SECRET)).toEqual(transaction);
  });

  it("hides its content", () => {
    const sealed = sealLoginTransaction(transaction, SECRET);
    expect(Buffer.from(sealed, "base64url").toString("latin1")).not.toContain("/accounts");
  });

  it.each([
    ["another secret", (sealed: string) => openLoginTransaction(sealed, "another-secret")],
    ["a flipped byte", (sealed: string) => {
      const raw = Buffer.from(sealed, "base64url");
      raw[raw.length - 1]! ^= 1;
      return openLoginTransaction(raw.toString("base64url"), SECRET);
    }],
    ["garbage", () => openLoginTransaction("not-a-cookie", SECRET)],
    ["no cookie", () => openLoginTransaction(undefined, SECRET)],
    ["expiry", (sealed: string) => openLoginTransaction(sealed, SECRET, Date.now() + 120_000)],
  ])("rejects %s", (_label, open) => {
    expect(open(sealLoginTransaction(transaction, SECRET))).toBeNull();
  });
});
