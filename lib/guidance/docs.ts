import { BLOG_URL } from "@/lib/scoring/catalogue";
import type { DocLink } from "./types";

// Documentation links used by more than one item.

/** The AWS Security Blog post, for checks whose checks.md guidance is "blog item N". */
export const blogItem = (item: number): DocLink => ({ title: `Top 10 security items to improve in your AWS account (item ${item})`, url: BLOG_URL });

export const S3_BPA_DOC: DocLink = {
  title: "Blocking public access to your Amazon S3 storage",
  url: "https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html",
};

export const CENTRAL_ROOT_DOC: DocLink = {
  title: "Centrally manage root access for member accounts",
  url: "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_root-enable-root-access.html",
};
