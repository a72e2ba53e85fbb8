import type { IsoDate } from "./common";
import type { IamEvidence } from "./iam";
import type { Item1Evidence } from "./item1";
import type { Item2Evidence } from "./item2";
import type { Item3Evidence } from "./item3";
import type { Item4Evidence } from "./item4";
import type { Item5Evidence } from "./item5";
import type { Item6Evidence } from "./item6";
import type { Item7Evidence } from "./item7";
import type { Item8Evidence } from "./item8";
import type { Item10Evidence } from "./item10";

export * from "./common";
export type * from "./credential-report";
export type * from "./iam";
export type * from "./item1";
export type * from "./item2";
export type * from "./item3";
export type * from "./item4";
export type * from "./item5";
export type * from "./item6";
export type * from "./item7";
export type * from "./item8";
export type * from "./item9";
export type * from "./item10";
export type * from "./org";
export { ROOT_USER } from "./credential-report";

export const EVIDENCE_SCHEMA_VERSION = 1;

/** Everything collected inside one account for one scan (MEM scope). Plain JSON: it can be saved as a fixture. */
export type AccountEvidence = {
  schemaVersion: typeof EVIDENCE_SCHEMA_VERSION;
  accountId: string;
  collectedAt: IsoDate;
  /** ec2:DescribeRegions {AllRegions: false} ∩ TENFOLD_REGIONS: the Regions every Regional<> field is keyed by. */
  regions: string[];
  /** Account-wide IAM data shared by items 2, 5, 7 and 9 (item 9 has no evidence of its own). */
  iam: IamEvidence;
  item1: Item1Evidence;
  item2: Item2Evidence;
  item3: Item3Evidence;
  item4: Item4Evidence;
  item5: Item5Evidence;
  item6: Item6Evidence;
  item7: Item7Evidence;
  item8: Item8Evidence;
  item10: Item10Evidence;
};
