import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { BLOG_URL, CHECKS } from "@/lib/scoring/catalogue";
import { ITEM_NUMBERS } from "@/lib/scoring/types";
import { CHECK_GUIDANCE, ITEM_GUIDANCE, getCheckGuidance, getItemGuidance } from "./index";
import type { CheckGuidance } from "./types";

/** The post itself lives outside the repository, beside checks.md; the fingerprint below stands in for it. */
const BLOG_PATH = "/work/shared/spec/top10-blog.txt";

/** Every piece of prose a check's guidance shows. */
const proseOf = (g: CheckGuidance): string[] => [
  g.summary,
  g.whyItMatters,
  ...g.howToFix.steps,
  ...(g.howToFix.cli ?? []).map((c) => c.description),
  ...(g.exceptionsAreReasonableWhen ? [g.exceptionsAreReasonableWhen] : []),
  ...(g.attestation ? [g.attestation.statement, ...g.attestation.evidence] : []),
];
const allProse = [...CHECK_GUIDANCE.flatMap(proseOf), ...ITEM_GUIDANCE.flatMap((i) => [i.summary, i.whyItMatters])];

describe("check guidance coverage", () => {
  it.each(CHECKS.map((c) => [c.id, c] as const))("%s has complete guidance", (id, check) => {
    const g = getCheckGuidance(id);
    expect(g, `no guidance for ${id}`).toBeDefined();
    expect(g.checkId).toBe(id);
    expect(g.summary.trim()).not.toBe("");
    expect(g.summary).not.toContain("\n");
    expect(g.whyItMatters.trim()).not.toBe("");
    expect(g.howToFix.steps.length).toBeGreaterThanOrEqual(2);
    for (const step of g.howToFix.steps) expect(step.trim()).not.toBe("");
    expect(g.docs.length).toBeGreaterThanOrEqual(1);
    // The links checks.md gives (copied into the catalogue) are all offered.
    const urls = g.docs.map((d) => d.url);
    for (const url of check.guidance) expect(urls).toContain(url);
    if ("blogItem" in check && check.blogItem !== undefined) expect(urls).toContain(BLOG_URL);
  });

  it("has no guidance for ids outside the catalogue, and no duplicates", () => {
    const ids = new Set<string>(CHECKS.map((c) => c.id));
    for (const g of CHECK_GUIDANCE) expect(ids.has(g.checkId), `stray guidance ${g.checkId}`).toBe(true);
    expect(new Set(CHECK_GUIDANCE.map((g) => g.checkId)).size).toBe(CHECK_GUIDANCE.length);
    expect(CHECK_GUIDANCE.length).toBe(CHECKS.length);
    expect(getCheckGuidance("i99.nope")).toBeUndefined();
  });

  it("keeps each check in its item's file order (catalogue order)", () => {
    expect(CHECK_GUIDANCE.map((g) => g.checkId)).toEqual(CHECKS.map((c) => c.id));
  });

  it.each(CHECKS.filter((c) => "manual" in c && c.manual).map((c) => [c.id]))("manual check %s says what is attested and which evidence to link", (id) => {
    const g = getCheckGuidance(id);
    expect(g?.attestation?.statement.trim()).toBeTruthy();
    expect(g?.attestation?.evidence.length).toBeGreaterThanOrEqual(1);
  });

  it("has no repeated step or command within a check (the page keys list items by their text)", () => {
    for (const g of CHECK_GUIDANCE) {
      expect(new Set(g.howToFix.steps).size, g.checkId).toBe(g.howToFix.steps.length);
      const commands = (g.howToFix.cli ?? []).map((c) => c.command);
      expect(new Set(commands).size, g.checkId).toBe(commands.length);
    }
  });

  it("tells the reader how to confirm the fix", () => {
    for (const g of CHECK_GUIDANCE) expect(g.howToFix.steps.some((s) => /rescan|attestation/i.test(s)), g.checkId).toBe(true);
  });
});

describe("item guidance", () => {
  it.each(ITEM_NUMBERS.map((n) => [n]))("item %i has a summary and a rationale", (n) => {
    const g = getItemGuidance(n);
    expect(g.item).toBe(n);
    expect(g.summary.trim()).not.toBe("");
    expect(g.summary).not.toContain("\n");
    expect(g.whyItMatters.trim()).not.toBe("");
  });

  it("has exactly one entry per item", () => {
    expect(ITEM_GUIDANCE.map((g) => g.item)).toEqual([...ITEM_NUMBERS]);
    expect(getItemGuidance(11)).toBeUndefined();
  });
});

describe("documentation links", () => {
  it("are https on docs.aws.amazon.com or aws.amazon.com, titled, and not repeated within a check", () => {
    for (const g of CHECK_GUIDANCE) {
      for (const d of g.docs) {
        const url = new URL(d.url);
        expect(url.protocol, d.url).toBe("https:");
        expect(["docs.aws.amazon.com", "aws.amazon.com"], d.url).toContain(url.hostname);
        expect(d.title.trim(), d.url).not.toBe("");
      }
      expect(new Set(g.docs.map((d) => d.url)).size, g.checkId).toBe(g.docs.length);
    }
  });
});

describe("CLI commands", () => {
  const commands = CHECK_GUIDANCE.flatMap((g) => (g.howToFix.cli ?? []).map((c) => ({ id: g.checkId, ...c })));

  it("are AWS CLI v2 commands with a description", () => {
    expect(commands.length).toBeGreaterThan(40);
    for (const c of commands) {
      expect(c.command, c.id).toMatch(/^aws [a-z0-9-]+ [a-z0-9-]+/);
      expect(c.description.trim(), c.id).not.toBe("");
      expect(c.command, c.id).not.toContain("\n");
    }
  });

  // Commands that print a secret value (or mint one) never appear: the reader copies them into a terminal.
  const REVEALING = [
    /secretsmanager get-secret-value/,
    /secretsmanager batch-get-secret-value/,
    /ssm get-parameters? .*--with-decryption/,
    /lambda get-function-configuration/,
    /lambda get-function(?!-)/,
    /ecs describe-task-definition/,
    /codebuild batch-get-projects/,
    /ec2 describe-instance-attribute .*userData/,
    /ec2 describe-launch-template-versions/,
    /iam create-access-key/,
    /iam create-login-profile/,
    /iam update-login-profile/,
    /iam create-virtual-mfa-device/,
    /sts assume-root/,
    /sts assume-role/,
    /sts get-session-token/,
    /configure (get|export-credentials)/,
  ];
  it("never reveal or mint a secret", () => {
    for (const c of commands) for (const re of REVEALING) expect(c.command, `${c.id}: ${c.command}`).not.toMatch(re);
  });

  // These calls answer with the whole configuration, old values included: a --query keeps the output to an id.
  const ECHOING = [/lambda update-function-configuration/, /lambda publish-version/, /lambda list-versions-by-function/, /ecs (register|deregister)-task-definition/, /ecs delete-task-definitions/, /codebuild (update|create)-project/];
  it("trim the output of calls that echo configuration", () => {
    for (const c of commands) if (ECHOING.some((re) => re.test(c.command))) expect(c.command, c.id).toMatch(/--query /);
  });

  it("use placeholders in angle brackets rather than made-up real identifiers", () => {
    for (const c of commands) {
      expect(c.command, c.id).not.toMatch(/\b\d{12}\b/);
      expect(c.command, c.id).not.toMatch(/\b(AKIA|ASIA)[A-Z0-9]{16}\b/);
    }
  });
});

describe("tone", () => {
  it("has no exclamation marks and no empty sentences", () => {
    for (const text of allProse) {
      expect(text, text).not.toContain("!");
      expect(text.trim(), text).not.toBe("");
    }
  });
});

const words = (text: string) =>
  text
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .split(/[^a-z0-9']+/)
    .filter(Boolean);

const ngrams = (text: string, n: number): string[] => {
  const w = words(text);
  const out: string[] = [];
  for (let i = 0; i + n <= w.length; i++) out.push(w.slice(i, i + n).join(" "));
  return out;
};

const gramHash = (gram: string) => createHash("sha256").update(gram).digest("hex").slice(0, 12);

// The blog's 12-word runs, kept as short hashes so the repository holds no copy of the post.
const FINGERPRINT = JSON.parse(readFileSync(fileURLToPath(new URL("./testdata/blog-12grams.json", import.meta.url)), "utf8")) as { n: number; grams: string[] };

const readBlog = (): string | undefined => {
  try {
    return readFileSync(BLOG_PATH, "utf8");
  } catch {
    return undefined;
  }
};

describe("the text is our own", () => {
  const N = FINGERPRINT.n;
  const blogHashes = new Set(FINGERPRINT.grams);

  it(`shares no ${N}-word run with the AWS blog post`, () => {
    expect(N).toBe(12);
    expect(blogHashes.size).toBeGreaterThan(1000);
    const copied = allProse.flatMap((text) => ngrams(text, N).filter((g) => blogHashes.has(gramHash(g))).map((g) => `"${g}" in: ${text.slice(0, 80)}`));
    expect(copied).toEqual([]);
  });

  it("catches a sentence pasted from the post", () => {
    const pasted = "Note that all email addresses should be set up to go to aliases that are not dependent on a single person.";
    expect(ngrams(pasted, N).some((g) => blogHashes.has(gramHash(g)))).toBe(true);
  });

  const blog = readBlog();
  it.skipIf(blog === undefined)("fingerprint matches the post in the shared spec folder", () => {
    expect(new Set(ngrams(blog ?? "", N).map(gramHash))).toEqual(blogHashes);
  });
});
