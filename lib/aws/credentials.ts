// Scanner credentials and account entry (checks.md §1.3): AssumeRole into the Tenfold role through
// the regional STS endpoint of homeRegion, cached per account, refreshed ~5 minutes before expiry.
import { AssumeRoleCommand } from "@aws-sdk/client-sts";
import { fromNodeProviderChain } from "@aws-sdk/credential-providers";
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from "@smithy/types";
import type { ClientFactory, Credentials } from "./clients";
import { AccountEntryError, errorName } from "./errors";
import type { AwsSettings } from "./settings";

export const REFRESH_BEFORE_EXPIRY_MS = 5 * 60_000;

/** The scanner's own credentials: the given identity / provider, else the SDK's default chain. */
export function scannerCredentials(given?: Credentials): Credentials {
  return given ?? fromNodeProviderChain();
}

export function roleArn(accountId: string, roleName: string): string {
  return `arn:aws:iam::${accountId}:role/${roleName}`;
}

export const SESSION_SECONDS = 3600;

/**
 * Expiry on the local clock. STS's Expiration is on AWS's clock; when the local clock is skewed (or a
 * sandbox runs on a scenario clock) the remaining lifetime at receipt is what counts. An implausible
 * lifetime (already past, or beyond the requested duration) falls back to the requested duration.
 */
export function localExpiry(expiration: Date | undefined, obtainedAt: number, receivedAt: number): Date {
  const requested = SESSION_SECONDS * 1000;
  const lifetime = expiration === undefined ? requested : expiration.getTime() - receivedAt;
  const ttl = lifetime > REFRESH_BEFORE_EXPIRY_MS && lifetime <= requested ? lifetime : requested;
  return new Date(obtainedAt + ttl);
}

/** Fallback STS Region when homeRegion answers RegionDisabledException. */
const FALLBACK_STS_REGION = "us-east-1";

/**
 * AssumeRole with per-account caching. `provider(accountId)` is an SDK credential provider that
 * refreshes the session when it is within 5 minutes of expiry.
 */
export class RoleAssumer {
  private readonly cache = new Map<string, { creds: AwsCredentialIdentity }>();
  private readonly pending = new Map<string, Promise<AwsCredentialIdentity>>();
  private readonly calls = new Map<string, number>();

  constructor(
    private readonly scanner: ClientFactory,
    private readonly settings: AwsSettings,
    private readonly now: () => number = Date.now,
  ) {}

  /** Credentials for the account; throws AccountEntryError when the role cannot be assumed. */
  async assume(accountId: string): Promise<AwsCredentialIdentity> {
    const cached = this.cache.get(accountId)?.creds;
    if (cached && (cached.expiration === undefined || cached.expiration.getTime() - REFRESH_BEFORE_EXPIRY_MS > this.now())) return cached;
    const inflight = this.pending.get(accountId);
    if (inflight) return inflight;
    const p = this.assumeOnce(accountId).finally(() => this.pending.delete(accountId));
    this.pending.set(accountId, p);
    const creds = await p;
    this.cache.set(accountId, { creds });
    return creds;
  }

  provider(accountId: string): AwsCredentialIdentityProvider {
    return () => this.assume(accountId);
  }

  /** AssumeRole calls made for the account so far. */
  assumeCalls(accountId: string): number {
    return this.calls.get(accountId) ?? 0;
  }

  forget(accountId: string): void {
    this.cache.delete(accountId);
  }

  forgetAll(): void {
    this.cache.clear();
  }

  private async assumeOnce(accountId: string, region = this.settings.homeRegion): Promise<AwsCredentialIdentity> {
    const sts = this.scanner.get("sts", region);
    const obtainedAt = this.now();
    this.calls.set(accountId, (this.calls.get(accountId) ?? 0) + 1);
    try {
      const out = await sts.send(
        new AssumeRoleCommand({
          RoleArn: roleArn(accountId, this.settings.roleName),
          RoleSessionName: `tenfold-${accountId}-${Math.floor(this.now() / 1000)}`.slice(0, 64),
          ExternalId: this.settings.externalId,
          DurationSeconds: SESSION_SECONDS,
        }),
      );
      const c = out.Credentials;
      if (!c?.AccessKeyId || !c.SecretAccessKey) throw new AccountEntryError("NoCredentials", "AssumeRole returned no credentials", accountId);
      return { accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretAccessKey, sessionToken: c.SessionToken, expiration: localExpiry(c.Expiration, obtainedAt, this.now()) };
    } catch (err) {
      if (err instanceof AccountEntryError) throw err;
      const code = errorName(err);
      if (code === "RegionDisabledException" && region !== FALLBACK_STS_REGION) return this.assumeOnce(accountId, FALLBACK_STS_REGION);
      const message = err instanceof Error ? err.message : String(err);
      throw new AccountEntryError(code, `AssumeRole into ${roleArn(accountId, this.settings.roleName)} failed: ${message}`, accountId);
    }
  }
}
