import type { AccountEvidence, AlternateContact, Collected } from "../evidence";
import type { CheckContext } from "../context";
import type { CheckResult, ResourceRef } from "../types";
import { listFew, needsAttestation, result, unknownFromError } from "../helpers/result";

// Item 1 — accurate account information (checks.md §2).

const ACTION = "account:GetAlternateContact";
type ContactType = "SECURITY" | "BILLING" | "OPERATIONS";
type ContactCheck = "i1.security_contact" | "i1.billing_contact" | "i1.operations_contact";

const evaluateContact = (id: ContactCheck, type: ContactType, c: Collected<AlternateContact | null>): CheckResult => {
  if (!c.ok) return unknownFromError(id, c.error, ACTION);
  const ref: ResourceRef = { kind: "alternate-contact", id: type };
  if (c.value === null) return result(id, "fail", `no ${type} alternate contact`, [ref]);
  if (c.value.emailAddress.trim() === "") return result(id, "fail", `${type} contact has no email address`, [ref]);
  return result(id, "pass", `${type} contact set`);
};

export const evaluateSecurityContact = (ev: AccountEvidence, _ctx: CheckContext) =>
  evaluateContact("i1.security_contact", "SECURITY", ev.item1.alternateContacts.security);
export const evaluateBillingContact = (ev: AccountEvidence, _ctx: CheckContext) =>
  evaluateContact("i1.billing_contact", "BILLING", ev.item1.alternateContacts.billing);
export const evaluateOperationsContact = (ev: AccountEvidence, _ctx: CheckContext) =>
  evaluateContact("i1.operations_contact", "OPERATIONS", ev.item1.alternateContacts.operations);

const domainOf = (email: string) => email.slice(email.lastIndexOf("@") + 1).toLowerCase();
const localOf = (email: string) => email.slice(0, email.lastIndexOf("@"));

/** Contacts should be shared aliases on company domains, distinct from each other and from root. Reasons name contact types, never addresses. */
export const evaluateContactsDistinctShared = (ev: AccountEvidence, ctx: CheckContext): CheckResult => {
  const id = "i1.contacts_distinct_shared";
  const { security, billing, operations } = ev.item1.alternateContacts;
  const entries = [["SECURITY", security], ["BILLING", billing], ["OPERATIONS", operations]] as const;
  for (const [, c] of entries) if (!c.ok) return unknownFromError(id, c.error, ACTION);
  const contacts = entries.flatMap(([type, c]) => (c.ok && c.value !== null && c.value.emailAddress.trim() !== "" ? [{ type, email: c.value.emailAddress.trim().toLowerCase() }] : []));
  if (contacts.length < 3) return result(id, "not_applicable", "a contact is missing (failed above)");

  const problems: string[] = [];
  const resources: ResourceRef[] = [];
  const flag = (type: string, why: string) => {
    problems.push(`${type} ${why}`);
    resources.push({ kind: "alternate-contact", id: type, detail: why });
  };
  contacts.forEach((a, i) =>
    contacts.slice(i + 1).forEach((b) => {
      if (a.email === b.email) flag(a.type, `shares its email with ${b.type}`);
    }),
  );
  const rootEmail = ctx.org.accounts[ctx.accountId]?.email.trim().toLowerCase();
  const personal = new RegExp(ctx.config.personalEmailPattern, "i");
  const domains = ctx.config.contactDomains.map((d) => d.toLowerCase());
  for (const c of contacts) {
    if (rootEmail !== undefined && rootEmail !== "" && c.email === rootEmail) flag(c.type, "is the root email");
    if (domains.length > 0 && !domains.includes(domainOf(c.email))) flag(c.type, "is outside the contact domains");
    if (personal.test(localOf(c.email))) flag(c.type, "looks like a personal address");
  }
  if (problems.length > 0) return result(id, "warn", listFew(problems), resources);
  return result(id, "pass", "three distinct shared contacts");
};

export const evaluateContactsAttested = (_ev: AccountEvidence, _ctx: CheckContext) => needsAttestation("i1.contacts_attested");

export const scoreItem1 = (ev: AccountEvidence, ctx: CheckContext): CheckResult[] => [
  evaluateSecurityContact(ev, ctx),
  evaluateBillingContact(ev, ctx),
  evaluateOperationsContact(ev, ctx),
  evaluateContactsDistinctShared(ev, ctx),
  evaluateContactsAttested(ev, ctx),
];
