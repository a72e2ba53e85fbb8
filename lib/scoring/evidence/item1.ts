import type { Collected } from "./common";

// Item 1 — accurate account information (checks.md §2).

/** account:GetAlternateContact → AlternateContact. */
export type AlternateContact = {
  emailAddress: string;
  name?: string;
  phoneNumber?: string;
  title?: string;
};

export type Item1Evidence = {
  /**
   * account:GetAlternateContact {AlternateContactType} (in-account, no AccountId).
   * `null` = ResourceNotFoundException (contact not set) — that is the answer, not an error.
   */
  alternateContacts: {
    security: Collected<AlternateContact | null>;
    billing: Collected<AlternateContact | null>;
    operations: Collected<AlternateContact | null>;
  };
  // The root email comes from OrgEvidence.accounts[id].email (organizations:ListAccounts).
};
