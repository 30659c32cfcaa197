/**
 * The URLs a plan publishes. (The plans themselves are read by src/model/plan-files.ts.)
 */
import { itemsOf, type Plan } from '../../src/model/plan.ts';

/** Every URL a plan publishes: its own and each item's. */
export function urlsOfPlan(plan: Plan): string[] {
  return [plan.url, ...[...itemsOf(plan.sections)].map((item) => item.url)];
}
