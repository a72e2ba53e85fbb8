import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Db } from "../client";
import { appSettings } from "../schema";

/** Reads a generated installation value, creating it on first use; concurrent first uses agree on one value. */
export async function getOrCreateSetting(db: Db, key: string, generate: () => string): Promise<string> {
  await db.insert(appSettings).values({ key, value: generate() }).onConflictDoNothing({ target: appSettings.key });
  const rows = await db.select({ value: appSettings.value }).from(appSettings).where(eq(appSettings.key, key));
  const value = rows[0]?.value;
  if (value === undefined) throw new Error(`setting ${key} could not be stored`);
  return value;
}

/** The salt of the short hashes that identify secret values without revealing them (checks.md §1.5). */
export function getSecretHashSalt(db: Db): Promise<string> {
  return getOrCreateSetting(db, "secret_hash_salt", () => randomBytes(24).toString("base64url"));
}
