import type { AccountEvidence } from "../evidence";
import type { CheckContext } from "../context";
import type { CheckResult, ItemNumber } from "../types";
import { scoreItem1 } from "./item1";
import { scoreItem2 } from "./item2";
import { scoreItem3 } from "./item3";
import { scoreItem4 } from "./item4";
import { scoreItem5 } from "./item5";
import { scoreItem6 } from "./item6";
import { scoreItem7 } from "./item7";
import { scoreItem8 } from "./item8";
import { scoreItem9 } from "./item9";
import { scoreItem10 } from "./item10";

export * from "./item1";
export * from "./item2";
export * from "./item3";
export * from "./item4";
export * from "./item5";
export * from "./item6";
export * from "./item7";
export * from "./item8";
export * from "./item9";
export * from "./item10";

/** Each item's evaluator, in item order. */
export const ITEM_EVALUATORS: Record<ItemNumber, (ev: AccountEvidence, ctx: CheckContext) => CheckResult[]> = {
  1: scoreItem1,
  2: scoreItem2,
  3: scoreItem3,
  4: scoreItem4,
  5: scoreItem5,
  6: scoreItem6,
  7: scoreItem7,
  8: scoreItem8,
  9: scoreItem9,
  10: scoreItem10,
};
