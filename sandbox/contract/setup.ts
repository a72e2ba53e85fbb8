// Shared set-up for the contract suite: one sandbox per file on the rich fixture scenario.
import type { AwsCredentialIdentity } from "@smithy/types";
import { afterAll, beforeAll } from "vitest";
import { startSandbox, type Sandbox } from "../server";
import type { Scenario } from "../scenario/types";
import { contractScenario } from "../testing/fixture";
import { assumeRole, makeClient, type ClientOptions } from "../testing/clients";

export interface Harness {
  sb: Sandbox;
  s: Scenario;
  /** Client as the given account (via AssumeRole), or as the management key when omitted. */
  client<C>(Ctor: new (config: Record<string, unknown>) => C, account?: string, o?: ClientOptions): Promise<C>;
}

export function sandboxForSuite(scenario: () => Scenario = contractScenario): Harness {
  const creds = new Map<string, AwsCredentialIdentity>();
  const h = {} as Harness;
  beforeAll(async () => {
    h.s = scenario();
    h.sb = await startSandbox({ scenario: h.s });
    h.client = async (Ctor, account, o = {}) => {
      let c: AwsCredentialIdentity | undefined;
      if (account) {
        c = creds.get(account) ?? (await assumeRole(h.sb, account));
        creds.set(account, c);
      }
      return makeClient(h.sb, Ctor, { credentials: c, ...o });
    };
  });
  afterAll(async () => {
    await h.sb.stop();
  });
  return h;
}

/** The error an SDK call rejects with (fails the test when the call succeeds). */
export async function errorOf(p: Promise<unknown>): Promise<Error & { $metadata?: { httpStatusCode?: number }; $fault?: string }> {
  try {
    await p;
  } catch (e) {
    return e as Error;
  }
  throw new Error("expected the call to fail");
}
