import type { CheckId } from "@/lib/scoring/catalogue";
import type { ItemNumber } from "@/lib/scoring/types";

// Remediation text shown on the item drill-down page (product.md §2). Pure data: no I/O, no env.

export type DocLink = { title: string; url: string };

export type CliCommand = {
  /** What the command does, one line. */
  description: string;
  /** AWS CLI v2 command with `<placeholders>`; never one that prints a secret value. */
  command: string;
};

export type CheckGuidance = {
  checkId: CheckId;
  /** One line: what this check wants. */
  summary: string;
  /** The risk, in one to three sentences. */
  whyItMatters: string;
  howToFix: {
    /** Numbered console steps; the last one says how to confirm the fix. */
    steps: string[];
    cli?: CliCommand[];
  };
  /** When recording an exception (risk acceptance) is reasonable. */
  exceptionsAreReasonableWhen?: string;
  /** Manual (★) checks: what the owner attests to and which evidence to link. */
  attestation?: { statement: string; evidence: string[] };
  /** checks.md links first, then other official AWS pages. */
  docs: DocLink[];
};

export type ItemGuidance = {
  item: ItemNumber;
  /** One line. */
  summary: string;
  whyItMatters: string;
};
