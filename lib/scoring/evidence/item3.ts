import type { CollectError, IsoDate, Regional } from "./common";
import type { SecretHit } from "../secrets/detector";

// Item 3 — no hard-coded secrets (checks.md §4). The collector runs `detectSecrets` in memory and keeps
// only hits (location, kind, confidence, salted hash) and counts: secret values never enter evidence.

/** A scanned resource with at least one detector hit, or one that could not be read. */
export type ScannedResource = {
  /** Function / task-definition / instance / launch-template / project ARN. */
  arn: string;
  name?: string;
  hits: SecretHit[];
  /** e.g. Lambda `Environment.Error` — this resource could not be scanned (coverage < 100 %). */
  error?: CollectError;
  /**
   * Tagged `tenfold:secrets-scan=ignore`. Its hits still count; the scan opens a pending exception that
   * names the tag, and only an approved, unexpired one turns the result excepted (checks.md §4 rule 5).
   */
  ignoreTag?: boolean;
};

/** Result of scanning one service in one Region. Only flagged / unreadable resources are listed. */
export type SecretScan = {
  /** How many resources exist (for EC2: instances + launch templates). */
  total: number;
  /** How many were read and scanned; unreadable ones (listed in `flagged` with an error) and unsampled ones are not. */
  scanned: number;
  flagged: ScannedResource[];
  /** Values skipped as references (Secrets Manager / SSM ARNs, {{resolve:}}, ECS secrets[], CodeBuild non-PLAINTEXT). */
  references: number;
};

/** secretsmanager:ListSecrets → SecretList[] (no DescribeSecret needed). */
export type SecretMetadata = {
  arn: string;
  name: string;
  rotationEnabled: boolean;
  rotationRules?: { automaticallyAfterDays?: number; scheduleExpression?: string };
  createdDate?: IsoDate;
  lastRotatedDate?: IsoDate;
  nextRotationDate?: IsoDate;
  lastAccessedDate?: IsoDate;
  /** Set for secrets managed by another service (RDS, …): excluded from rotation scoring. */
  owningService?: string;
  deletedDate?: IsoDate;
};

export type Item3Evidence = {
  /** lambda:ListFunctions → Functions[].Environment.{Variables, Error}. `total` also feeds item 10. */
  lambda: Regional<SecretScan>;
  /** ecs:ListTaskDefinitions {status: ACTIVE} + ecs:DescribeTaskDefinition (latest revision per family) → environment[]. */
  ecs: Regional<SecretScan>;
  /** ec2:DescribeInstances + ec2:DescribeInstanceAttribute {userData} + ec2:DescribeLaunchTemplateVersions ($Latest, $Default). */
  ec2UserData: Regional<SecretScan>;
  /** codebuild:ListProjects + codebuild:BatchGetProjects → environment.environmentVariables (PLAINTEXT scanned). */
  codebuild: Regional<SecretScan>;
  /** secretsmanager:ListSecrets. */
  secrets: Regional<SecretMetadata[]>;
};
