import { Region } from '@pulumi/aws/types/enums/index.js';

/**
 * The regions init accepts: the `aws` partition's, as the pinned AWS provider lists them. The
 * China, GovCloud and isolated partitions have other registry domains and ARNs: edit the stack
 * files by hand there.
 */
const OTHER_PARTITIONS = /^(cn|us-gov|us-iso[a-z]*|eu-iso[a-z]*|eusc)-/;
export const AWS_REGIONS: readonly string[] = Object.values(Region)
  .filter((region) => !OTHER_PARTITIONS.test(region))
  .sort();

/**
 * Regions whose zones are not `a`, `b`, `c`: Tokyo has no `b` zone for new accounts, and
 * N. California maps its two zones per account, so init cannot know them.
 */
const ZONE_LETTERS: Readonly<Record<string, readonly string[] | undefined>> = {
  'ap-northeast-1': ['a', 'c', 'd'],
  'ca-central-1': ['a', 'b', 'd'],
  'us-west-1': undefined,
};

/** Three zones of `region`, or undefined when they must be given (--availability-zones). */
export function defaultZones(region: string): string[] | undefined {
  const letters = region in ZONE_LETTERS ? ZONE_LETTERS[region] : ['a', 'b', 'c'];
  return letters?.map((letter) => `${region}${letter}`);
}
