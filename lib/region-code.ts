// The shape of an AWS Region code (us-east-1, us-gov-west-1). Pure, so configuration checks and the
// console links (which put a Region into a host name) share one definition.
export const REGION_PATTERN = /^[a-z]{2}(-gov)?-[a-z]+-\d$/;

export const isRegionCode = (value: string | undefined): value is string => value !== undefined && REGION_PATTERN.test(value);
