import type { ServiceDef } from "../core";
import { accessanalyzer } from "./accessanalyzer";
import { account } from "./account";
import { cloudtrail } from "./cloudtrail";
import { ec2 } from "./ec2";
import { guardduty } from "./guardduty";
import { iam } from "./iam";
import { inspector2 } from "./inspector2";
import { codebuild, ecr, ecs, eventbridge, kms, secretsmanager } from "./json-services";
import { lambda } from "./lambda";
import { macie2 } from "./macie2";
import { optionalServices } from "./optional";
import { organizations } from "./organizations";
import { s3, s3control } from "./s3";
import { securityhub } from "./securityhub";
import { sts } from "./sts";

/** Every service the sandbox speaks, keyed by `name` (the SigV4 signing name, or `s3control`). */
export const SERVICES: ServiceDef[] = [
  sts, iam, organizations, ec2, account, cloudtrail, accessanalyzer, guardduty, securityhub, inspector2, lambda,
  secretsmanager, ecs, codebuild, kms, ecr, eventbridge, s3, s3control, macie2,
  ...optionalServices(),
];
