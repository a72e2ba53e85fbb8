import { describe, expect, it } from "vitest";
import { REVIEW_CSV_HEADER, reviewCsv } from "./csv";
import { MARKDOWN_MAX_ROWS, reviewMarkdown } from "./markdown";
import { shownChange, topMovers } from "./movers";
import type { AccountScoreChange, Review } from "./types";

const account = (id: string, name: string, from: number | null, to: number | null, owner: string | null = `${name}@example.com`): AccountScoreChange => ({
  id,
  name,
  owner,
  ouPath: "Root/Workloads",
  from,
  to,
  change: from !== null && to !== null ? to - from : null,
  coverage: 1,
  status: to === null ? "grey" : to >= 60 ? "amber" : "red",
});

function review(overrides: Partial<Review> = {}): Review {
  return {
    period: { from: "2026-11-16", to: "2026-11-23" },
    scope: "organisation",
    generatedAt: new Date("2026-11-29T06:00:00Z"),
    org: { from: 61.6, to: 64.2, change: 2.6, accountsFrom: 39, accountsTo: 39, status: "amber" },
    items: Array.from({ length: 10 }, (_, index) => ({ item: index + 1, from: 50, to: 50 + index, change: index, passRateFrom: 0.5, passRateTo: 0.5 + index / 100, status: "red" as const })),
    accounts: [account("100000000010", "payments-prod", 80, 70.4), account("100000000011", "web-dev", 40, 55, null), account("100000000012", "flat", 50, 50.3)],
    checks: {
      newlyFailing: [
        { accountId: "100000000010", accountName: "payments-prod", owner: "=cmd|' /C calc'!A0", checkId: "i4.sg_open_admin_ports", checkTitle: "No admin ports open", item: 4, severity: "high", fromResult: "pass", toResult: "fail", scope: "check", resource: { kind: "security-group", id: "sg-1|2", region: "us-east-1", detail: "tcp 22 from 0.0.0.0/0" } },
      ],
      fixed: [{ accountId: "100000000011", accountName: "web-dev", owner: null, checkId: "i1.security_contact", checkTitle: "Security alternate contact is set", item: 1, severity: "high", fromResult: "fail", toResult: "pass", scope: "check", resource: null }],
      accountsCompared: 3,
      accountsPruned: 0,
    },
    expiring: [{ kind: "exception", id: "e1", accountId: "100000000010", accountName: "payments-prod", owner: "team-pay", checkId: "i2.root_hardware_mfa", resourceId: null, expiresAt: new Date("2026-12-03T00:00:00Z"), by: "alice@example.com", text: "Hardware key on order" }],
    expiringWindow: { start: new Date("2026-11-29T06:00:00Z"), end: new Date("2026-12-13T06:00:00Z") },
    expired: [],
    stale: [{ id: "100000000013", name: "legacy", owner: null, kind: "unreachable", lastGoodAt: new Date("2026-11-16T09:00:00Z"), lastAttemptAt: new Date("2026-11-23T09:00:00Z"), errorCode: "AccessDenied", errorMessage: "not authorized" }],
    ...overrides,
  };
}

describe("shownChange", () => {
  it("is the difference of the scores as shown, so the figures on screen add up", () => {
    expect(shownChange({ from: 72, to: 71.9 })).toBe(-1);
    expect(shownChange({ from: 71.9, to: 72.1 })).toBe(1);
    expect(shownChange({ from: 71.4, to: 71.6 })).toBe(0);
    expect(shownChange({ from: null, to: 3 })).toBeNull();
  });
});

describe("topMovers", () => {
  it("lists falls and rises by size, leaving out changes that round to zero", () => {
    const { regressed, improved } = topMovers(review().accounts);
    expect(regressed.map((row) => row.name)).toEqual(["payments-prod"]);
    expect(improved.map((row) => row.name)).toEqual(["web-dev"]);
  });
});

describe("reviewMarkdown", () => {
  const markdown = reviewMarkdown(review());

  it("renders the page's numbers: integer scores and signed changes", () => {
    expect(markdown).toContain("# Security review: 2026-11-16 → 2026-11-23");
    expect(markdown).toContain("Organisation score: **61 → 64** (▲ +3)");
    expect(markdown).toContain("| 4. Security groups | 50 | 53 | ▲ +3 | 50% → 53% |");
    expect(markdown).toContain("| payments-prod | payments-prod@example.com | 80 | 70 | ▼ −10 |");
    expect(markdown).toContain("| web-dev | — | 40 | 55 | ▲ +15 |");
  });

  it("escapes table cells and names resources", () => {
    expect(markdown).toContain("sg-1\\|2 (us-east-1) — tcp 22 from 0.0.0.0/0");
    expect(markdown).toContain("(the check as a whole)");
    expect(markdown).toContain("| 2026-12-03 | exception | payments-prod | team-pay | i2.root_hardware_mfa | alice@example.com | Hardware key on order |");
    expect(markdown).toContain("| legacy | — | unreachable | 2026-11-16 | AccessDenied: not authorized |");
  });

  it("renders text from AWS and people inert: no raw HTML, no links but the renderer's own http(s) autolinks", () => {
    const hostile = {
      html: '<img src=x onerror="alert(1)"><script>alert(2)</script>',
      link: "[click me](javascript:alert(3)) ![pixel](https://evil.example/t.png)",
      autolink: "<javascript:alert(4)> <data:text/html;base64,PHNjcmlwdD4=>",
      definition: "[ref]: vbscript:msgbox(5)",
      entity: "&lt;b&gt; &#x6A;avascript R&D",
    };
    const base = review();
    const markdown = reviewMarkdown(
      review({
        accounts: [account("100000000010", hostile.html, 80, 70, hostile.link)],
        checks: { ...base.checks, newlyFailing: [{ ...base.checks.newlyFailing[0]!, owner: hostile.autolink, resource: { kind: "s3-bucket", id: hostile.definition, detail: hostile.entity } }] },
        expiring: [{ ...base.expiring[0]!, by: hostile.html, text: `${hostile.link}\n${hostile.definition}` }],
        stale: [{ ...base.stale[0]!, name: hostile.autolink, errorMessage: hostile.html }],
      }),
    );
    // Raw HTML and <…> autolinks need "<"; links, images and definitions need an unescaped "[".
    expect(markdown).not.toContain("<");
    expect(markdown).not.toMatch(/(?<!\\)\[/);
    expect(markdown).not.toMatch(/^\s*\\?\[ref\]:/m);
    // The words survive, readable once rendered.
    expect(markdown).toContain("| &lt;img src=x onerror=\"alert(1)\"&gt;&lt;script&gt;alert(2)&lt;/script&gt; | \\[click me\\](javascript:alert(3)) !\\[pixel\\](https://evil.example/t.png) | 80 | 70 | ▼ −10 |");
    expect(markdown).toContain("\\[ref\\]: vbscript:msgbox(5) — &amp;lt;b&amp;gt; &amp;#x6A;avascript R&D");
    expect(markdown).toContain("| &lt;javascript:alert(4)&gt; &lt;data:text/html;base64,PHNjcmlwdD4=&gt; | — | unreachable |");
  });

  it("cuts long lists and points to the CSV", () => {
    const many = review().checks.newlyFailing[0]!;
    const long = reviewMarkdown(review({ checks: { ...review().checks, newlyFailing: Array.from({ length: MARKDOWN_MAX_ROWS + 7 }, () => many) } }));
    expect(long).toContain(`## Newly failing (${MARKDOWN_MAX_ROWS + 7})`);
    expect(long).toContain("…and 7 more (see the CSV export).");
  });

  it("says when raw results were pruned", () => {
    expect(reviewMarkdown(review({ checks: { ...review().checks, accountsPruned: 4 } }))).toContain("4 accounts could not be compared check by check");
  });
});

describe("reviewCsv", () => {
  const lines = reviewCsv(review()).split("\r\n");

  it("is one RFC 4180 table with a section column", () => {
    expect(lines[0]).toBe(REVIEW_CSV_HEADER.join(","));
    expect(lines.at(-1)).toBe("");
    expect(lines.filter((line) => line.startsWith("item,"))).toHaveLength(10);
    expect(lines).toContain("org,,,,,,Organisation score,,,61.6,64.2,2.6,39 → 39 accounts scored");
    expect(lines).toContain("account,100000000010,payments-prod,payments-prod@example.com,,,,,,80,70.4,-9.6,Root/Workloads");
  });

  it("defuses formulas and quotes separators", () => {
    const failing = lines.find((line) => line.startsWith("newly_failing,"))!;
    expect(failing).toContain(",'=cmd|' /C calc'!A0,");
    expect(failing).toContain("security-group sg-1|2 us-east-1");
    expect(lines.find((line) => line.startsWith("expiring,"))).toContain("2026-12-03T00:00:00.000Z");
    expect(lines.find((line) => line.startsWith("stale,"))).toContain("unreachable: AccessDenied not authorized");
  });
});
