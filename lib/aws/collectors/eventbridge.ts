// EventBridge (item 8): ListRules on the default bus (NextToken loop; no SDK paginator).
import { ListRulesCommand } from "@aws-sdk/client-eventbridge";
import type { EventRule, Regional } from "@/lib/scoring/evidence";
import type { ClientFactory } from "../clients";
import { compact, perRegion } from "./context";

export async function listRules(clients: ClientFactory, region: string): Promise<EventRule[]> {
  const eb = clients.get("eventbridge", region);
  const out: EventRule[] = [];
  let token: string | undefined;
  do {
    const page = await eb.send(new ListRulesCommand({ Limit: 100, NextToken: token }));
    for (const r of page.Rules ?? []) out.push(compact({ name: r.Name ?? "", state: r.State ?? "", eventPattern: r.EventPattern, managedBy: r.ManagedBy }));
    token = page.NextToken || undefined;
  } while (token !== undefined);
  return out;
}

export function collectEventRules(clients: ClientFactory, regions: readonly string[]): Promise<Regional<EventRule[]>> {
  return perRegion(regions, "events:ListRules", (region) => listRules(clients, region));
}
