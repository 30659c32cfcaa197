/**
 * The URLs a plan publishes. (The plans themselves are read by src/model/plan-files.ts.)
 */
import { itemsOf, type Plan } from '../../src/model/plan.ts';
import { sourceDownloadPath } from '../../src/model/source-download.ts';

/** Every URL a plan publishes: its own, each item's, and its source's as published. */
export function urlsOfPlan(plan: Plan): string[] {
  return [plan.url, ...[...itemsOf(plan.sections)].map((item) => item.url), sourceDownloadPath(plan)];
}
