import { describe, expect, it } from "vitest";
import { CHECKS, ITEMS, checksOfItem, type CheckDef } from "./catalogue";

// checks.md §18, copied: the catalogue must list exactly these ids.
const INDEX: Record<number, string[]> = {
  1: ["i1.security_contact", "i1.billing_contact", "i1.operations_contact", "i1.contacts_distinct_shared", "i1.contacts_attested"],
  2: ["i2.root_mfa", "i2.root_hardware_mfa", "i2.console_users_mfa", "i2.org_root_access_centralized", "i2.root_recent_use", "i2.idp_mfa_attested"],
  3: ["i3.lambda_env_secrets", "i3.ecs_env_secrets", "i3.ec2_userdata_secrets", "i3.codebuild_plaintext_secrets", "i3.secrets_rotation", "i3.secret_store_in_use"],
  4: ["i4.sg_all_ports_open", "i4.sg_admin_ports_open", "i4.sg_db_highrisk_ports_open", "i4.sg_other_ports_open", "i4.default_sg_restricted", "i4.sg_unknown_public_source"],
  5: ["i5.account_s3_bpa", "i5.public_buckets_intentional", "i5.classification_tagged", "i5.kms_key_not_public", "i5.kms_encrypt_decrypt_separated", "i5.macie_enabled", "i5.classification_attested"],
  6: ["i6.trail_all_regions_logging", "i6.trail_centralized", "i6.log_file_validation", "i6.kms_encryption", "i6.log_bucket_deletion_protected", "i6.log_bucket_not_public", "i6.trail_tamper_protected"],
  7: ["i7.access_analyzer_enabled", "i7.external_access_findings", "i7.unused_roles", "i7.unused_access_analyzer"],
  8: ["i8.securityhub_enabled", "i8.guardduty_enabled", "i8.guardduty_findings_sla", "i8.securityhub_findings_sla", "i8.findings_automation"],
  9: ["i9.access_key_age", "i9.unused_access_keys", "i9.single_active_key", "i9.root_access_keys", "i9.long_term_keys_present"],
  10: ["i10.container_image_scanning", "i10.lambda_scanning", "i10.inspector_critical_findings", "i10.dev_cycle_attested"],
};
const defs: readonly CheckDef[] = CHECKS;

describe("catalogue", () => {
  it("has the ten items with unique keys", () => {
    expect(ITEMS.map((i) => i.item)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(new Set(ITEMS.map((i) => i.key)).size).toBe(10);
  });
  it.each(Object.entries(INDEX))("item %s lists exactly the §18 ids in order", (item, ids) => {
    expect(checksOfItem(Number(item)).map((c) => c.id)).toEqual(ids);
  });
  it("flags the ★ checks manual and the (opt.) checks optional", () => {
    expect(defs.filter((c) => c.manual).map((c) => c.id)).toEqual(["i1.contacts_attested", "i2.idp_mfa_attested", "i5.classification_attested", "i10.dev_cycle_attested"]);
    expect(defs.filter((c) => c.optional).map((c) => c.id)).toEqual(["i5.macie_enabled", "i7.unused_access_analyzer", "i10.inspector_critical_findings"]);
  });
  it("marks scopes per §18", () => {
    const scope = (s: string) => defs.filter((c) => c.scope === s).map((c) => c.id);
    expect(scope("ORG")).toEqual(["i2.org_root_access_centralized", "i6.trail_tamper_protected"]);
    expect(scope("MGMT")).toEqual(["i5.classification_tagged"]);
    expect(scope("LA")).toEqual(["i6.log_bucket_deletion_protected", "i6.log_bucket_not_public"]);
  });
  it("gives every check a docs link or a blog item, and only https docs links", () => {
    for (const c of defs) {
      expect(c.guidance.length > 0 || c.blogItem !== undefined).toBe(true);
      for (const url of c.guidance) expect(url).toMatch(/^https:\/\/docs\.aws\.amazon\.com\//);
    }
  });
});
