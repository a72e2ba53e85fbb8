import { ITEMS } from "@/lib/scoring/catalogue";

// Short names for table headers and tiles; the full title from the catalogue goes in titles and headings.
export const ITEM_SHORT: Record<number, string> = {
  1: "Account info",
  2: "MFA",
  3: "Secrets",
  4: "Security groups",
  5: "Data policies",
  6: "CloudTrail",
  7: "IAM roles",
  8: "Findings",
  9: "Key rotation",
  10: "Dev cycle",
};

export const itemTitle = (item: number): string => ITEMS.find((entry) => entry.item === item)?.title ?? `Item ${item}`;
