import {
  GenerateCredentialReportCommand, GetAccountAuthorizationDetailsCommand, GetAccountSummaryCommand, GetCredentialReportCommand, IAMClient,
  ListOpenIDConnectProvidersCommand, ListOrganizationsFeaturesCommand, ListSAMLProvidersCommand, ListVirtualMFADevicesCommand,
  paginateGetAccountAuthorizationDetails, paginateListVirtualMFADevices,
} from "@aws-sdk/client-iam";
import { describe, expect, it } from "vitest";
import { buildCredentialReport } from "../credential-report";
import { assumeRole, makeClient } from "../testing/clients";
import { A, B } from "../testing/fixture";
import { errorOf, sandboxForSuite } from "./setup";

const h = sandboxForSuite();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("IAM credential report (checks.md §12)", () => {
  it("walks ReportNotPresent → STARTED → ReportInProgress → COMPLETE and returns the base64 CSV", async () => {
    h.sb.update((s) => (s.credentialReportDelayMs = 300));
    const iam = await h.client(IAMClient, A, { maxAttempts: 1 });
    const none = await errorOf(iam.send(new GetCredentialReportCommand({})));
    expect(none.name).toBe("CredentialReportNotPresentException");
    expect(none.$metadata?.httpStatusCode).toBe(410);
    expect((await iam.send(new GenerateCredentialReportCommand({}))).State).toBe("STARTED");
    expect((await iam.send(new GenerateCredentialReportCommand({}))).State).toBe("INPROGRESS");
    const busy = await errorOf(iam.send(new GetCredentialReportCommand({})));
    expect(busy.name).toBe("CredentialReportNotReadyException");
    expect(busy.$metadata?.httpStatusCode).toBe(404);
    await sleep(320);
    expect((await iam.send(new GenerateCredentialReportCommand({}))).State).toBe("COMPLETE");
    const report = await iam.send(new GetCredentialReportCommand({}));
    expect(report.ReportFormat).toBe("text/csv");
    expect(report.GeneratedTime).toEqual(h.s.clock);
    const csv = new TextDecoder().decode(report.Content);
    expect(csv).toBe(buildCredentialReport(h.s.accounts[A]!));
    const c = h.s.clock;
    expect(csv.split("\n").slice(0, 3)).toEqual([
      "user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,password_next_rotation,mfa_active,access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service,access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,access_key_2_last_used_region,access_key_2_last_used_service,cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated",
      `<root_account>,arn:aws:iam::${A}:root,2025-07-17T10:00:00Z,not_supported,2026-11-26T10:00:00Z,not_supported,not_supported,true,true,2025-10-25T10:00:00Z,2026-10-30T10:00:00Z,us-east-1,s3,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A`,
      `alice,arn:aws:iam::${A}:user/alice,2025-11-29T10:00:00Z,true,2026-11-27T10:00:00Z,2026-09-30T10:00:00Z,N/A,false,true,2026-08-01T10:00:00Z,2026-11-28T10:00:00Z,us-east-1,s3,true,2026-11-19T10:00:00Z,N/A,N/A,N/A,false,N/A,false,N/A`,
    ]);
    expect(c.toISOString()).toBe("2026-11-29T10:00:00.000Z");
    h.sb.update((s) => (s.credentialReportDelayMs = 20));
  });

  it("a report older than four hours (scenario time) expires and Generate starts a new one", async () => {
    const iam = await h.client(IAMClient, B, { maxAttempts: 1 });
    await iam.send(new GenerateCredentialReportCommand({}));
    await sleep(30);
    await iam.send(new GetCredentialReportCommand({}));
    const clock = h.sb.scenario.clock;
    h.sb.setClock(new Date(clock.getTime() + 5 * 3600_000));
    try {
      // Fresh session: the cached one expired with the clock jump.
      const iam2 = makeClient(h.sb, IAMClient, { credentials: await assumeRole(h.sb, B), maxAttempts: 1 });
      expect((await errorOf(iam2.send(new GetCredentialReportCommand({})))).name).toBe("CredentialReportExpiredException");
    } finally {
      h.sb.setClock(clock);
    }
  });
});

describe("IAM reads", () => {
  it("GetAccountSummary reports root MFA, keys and password", async () => {
    const a = await (await h.client(IAMClient, A)).send(new GetAccountSummaryCommand({}));
    expect(a.SummaryMap).toMatchObject({ AccountMFAEnabled: 1, AccountAccessKeysPresent: 1, AccountPasswordPresent: 1, Users: 3, Roles: 4 });
    const b = await (await h.client(IAMClient, B)).send(new GetAccountSummaryCommand({}));
    expect(b.SummaryMap).toMatchObject({ AccountMFAEnabled: 0, AccountAccessKeysPresent: 0, AccountPasswordPresent: 1, Users: 0 });
  });

  it("ListVirtualMFADevices pages with Marker / MaxItems", async () => {
    const iam = await h.client(IAMClient, A);
    const pages = [];
    for await (const p of paginateListVirtualMFADevices({ client: iam, pageSize: 1 }, { AssignmentStatus: "Assigned" })) pages.push(p);
    expect(pages).toHaveLength(2);
    expect(pages.flatMap((p) => p.VirtualMFADevices ?? []).map((d) => [d.SerialNumber, d.User?.Arn])).toEqual([
      [`arn:aws:iam::${A}:mfa/root-account-mfa-device`, `arn:aws:iam::${A}:root`],
      [`arn:aws:iam::${A}:mfa/carol`, `arn:aws:iam::${A}:user/admins/carol`],
    ]);
    expect((await iam.send(new ListVirtualMFADevicesCommand({ AssignmentStatus: "Unassigned" }))).VirtualMFADevices).toEqual([]);
  });

  it("GetAccountAuthorizationDetails returns roles with RoleLastUsed across pages", async () => {
    const iam = await h.client(IAMClient, A);
    const roles = [];
    let pages = 0;
    for await (const p of paginateGetAccountAuthorizationDetails({ client: iam, pageSize: 3 }, { Filter: ["Role"] })) {
      pages++;
      roles.push(...(p.RoleDetailList ?? []));
    }
    expect(pages).toBe(2);
    expect(roles).toEqual(h.s.accounts[A]!.iam.roles);
    const users = await iam.send(new GetAccountAuthorizationDetailsCommand({ Filter: ["User"] }));
    expect(users.UserDetailList?.map((u) => u.UserName)).toEqual(["alice", "bob", "carol"]);
  });

  it("lists SAML and OIDC providers", async () => {
    const iam = await h.client(IAMClient, A);
    expect((await iam.send(new ListSAMLProvidersCommand({}))).SAMLProviderList).toEqual(h.s.accounts[A]!.iam.samlProviders);
    expect((await iam.send(new ListOpenIDConnectProvidersCommand({}))).OpenIDConnectProviderList).toEqual(h.s.accounts[A]!.iam.oidcProviders);
  });

  it("ListOrganizationsFeatures answers the management account only", async () => {
    const mgmt = await h.client(IAMClient);
    expect(await mgmt.send(new ListOrganizationsFeaturesCommand({}))).toMatchObject({ OrganizationId: "o-sandbox0001", EnabledFeatures: ["RootCredentialsManagement"] });
    const member = await h.client(IAMClient, B, { maxAttempts: 1 });
    expect((await errorOf(member.send(new ListOrganizationsFeaturesCommand({})))).name).toBe("AccountNotManagementOrDelegatedAdministratorException");
  });
});
