import { describe, expect, it } from "vitest";
import { operationPlan } from "../wire/plan";
import { SERVICES } from "./index";

describe("service definitions", () => {
  it.each(SERVICES.map((d) => [d.name, d] as const))("%s: every handler is an operation of its SDK client", (_name, def) => {
    const sdk = def.sdk();
    for (const op of Object.keys(def.handlers)) {
      const plan = operationPlan(sdk, op);
      expect(plan.name).toBe(op);
      if (def.protocol === "restJson" || def.protocol === "restXml") expect(plan.http).toBeDefined();
    }
  });

  it("service names are unique", () => {
    expect(new Set(SERVICES.map((d) => d.name)).size).toBe(SERVICES.length);
  });
});
