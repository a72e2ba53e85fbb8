// secretlint for the item-3 detector (checks.md §4): its recommended preset knows the real formats of
// AWS secret keys, GitHub / Slack / Stripe / npm / OpenAI… tokens, private keys and connection strings.
// Its engine is asynchronous (it loads the preset by dynamic import), so it runs here in the collectors and
// lib/scoring/secrets only turns its ranges into hits. Cost, measured on the 2-core dev machine: ~20 ms once
// for the engine, then 0.5–0.8 ms per clean 6-variable Lambda environment with the detector (secretlint.test.ts
// prints it) and 1–7 ms for a dozen variables holding findings; one call per resource, one per user-data part.
import { createEngine } from "@secretlint/node";
import type { LintMatch } from "@/lib/scoring/secrets/detector";

const PRESET = "@secretlint/secretlint-rule-preset-recommend";

let engine: ReturnType<typeof createEngine> | undefined;

function getEngine(): ReturnType<typeof createEngine> {
  // maskSecrets keeps values out of the formatted messages; the output still echoes the source, which is
  // parsed here and dropped at once — only rule ids and ranges leave this function.
  engine ??= createEngine({ formatter: "json", color: false, maskSecrets: true, configFileJSON: { rules: [{ id: PRESET }] } }).catch((error: unknown) => {
    engine = undefined;
    throw error;
  });
  return engine;
}

type JsonResult = { messages?: { ruleId?: unknown; messageId?: unknown; range?: unknown }[] };

/** secretlint's reports on `text`: rule id, message id and character range, never the matched value. */
export async function lintText(text: string): Promise<LintMatch[]> {
  if (text.trim() === "") return [];
  const { output } = await (await getEngine()).executeOnContent({ content: text, filePath: "configuration.txt" });
  const results = JSON.parse(output) as JsonResult[];
  return results.flatMap((result) =>
    (result.messages ?? []).flatMap((m): LintMatch[] => {
      const range = m.range;
      if (typeof m.ruleId !== "string" || !Array.isArray(range) || typeof range[0] !== "number" || typeof range[1] !== "number") return [];
      return [{ ruleId: m.ruleId, messageId: typeof m.messageId === "string" ? m.messageId : "", start: range[0], end: range[1] }];
    }),
  );
}
