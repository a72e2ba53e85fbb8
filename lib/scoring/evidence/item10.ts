import type { IsoDate, Regional } from "./common";
import type { FindingList } from "./item8";

// Item 10 — be involved in the dev cycle (checks.md §11). Lambda function counts come from item 3 (`lambda[region].total`).

/** inspector2:BatchGetAccountStatus {} → accounts[0]. Status values: ENABLING | ENABLED | DISABLING | DISABLED | SUSPENDING | SUSPENDED. */
export type InspectorStatus = {
  status: string;
  resourceState: { ec2?: string; ecr?: string; lambda?: string; lambdaCode?: string; codeRepository?: string };
};

/** ecr:GetRegistryScanningConfiguration → scanningConfiguration. */
export type RegistryScanning = {
  scanType: "BASIC" | "ENHANCED";
  rules: { scanFrequency: "SCAN_ON_PUSH" | "CONTINUOUS_SCAN" | "MANUAL" | string; repositoryFilters: { filter: string; filterType: string }[] }[];
};

/** Optional inspector2:ListFindings (CRITICAL, ACTIVE). */
export type InspectorFinding = { arn: string; title?: string; firstObservedAt: IsoDate; resourceId?: string };

export type Item10Evidence = {
  /** inspector2:BatchGetAccountStatus, every ENABLED Region. */
  inspector: Regional<InspectorStatus>;
  /** ecr:DescribeRepositories → repository count, every ENABLED Region. */
  ecrRepositoryCount: Regional<number>;
  /** ecr:GetRegistryScanningConfiguration, every ENABLED Region. */
  ecrScanning: Regional<RegistryScanning>;
  /** Optional inspector2:ListFindings (CRITICAL, ACTIVE) where Inspector is ENABLED (else notApplicable). Absent = unknown ("not evaluated"). */
  inspectorCriticalFindings?: Regional<FindingList<InspectorFinding>>;
};
