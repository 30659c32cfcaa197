/**
 * The pages by year. A national year is some 3,300 plans, about 700 KB listed on
 * one page, and /years/ listed every plan of every year. Now /years/ lists the
 * years; /years/{year}/ lists its plans by province while they fit on a page
 * (gathering-pages.ts's plansPerPage), and past that only the provinces with their
 * counts; each province's plans of a year are at /years/{year}/{province}/, a URL
 * that, unlike a page number, stays the same as plans are added. A province's own
 * page (some 1,500 plans over ten years, nationally) likewise lists its years past
 * a page's worth, each leading to that year's province page.
 */
import type { Plan } from '../model/plan.ts';
import { compareText, regionUrl, sortPlans } from './atlas-model.ts';

/** One province's plans of one year. */
export interface ProvinceYear {
  year: number;
  /** The province's URL segment (shandong). */
  slug: string;
  name: string;
  code: string;
  /** Sorted as everywhere: by region path, then URL. */
  plans: Plan[];
}

/** Each year's provinces, by year: one pass over the plans, kept per list of plans (every year page asks). */
const grouped = new WeakMap<readonly Plan[], Map<number, ProvinceYear[]>>();

function byYear(plans: readonly Plan[]): Map<number, ProvinceYear[]> {
  let years = grouped.get(plans);
  if (years) return years;
  const provinces = new Map<string, ProvinceYear>();
  for (const plan of sortPlans(plans)) {
    const { provinceCode: code, province: name, path } = plan.region;
    const key = `${plan.year}\t${code}`;
    let province = provinces.get(key);
    if (!province) {
      province = { year: plan.year, slug: path[0]!, name, code, plans: [] };
      provinces.set(key, province);
    }
    province.plans.push(plan);
  }
  years = new Map();
  const ordered = [...provinces.values()].sort((a, b) => b.year - a.year || compareText(a.code, b.code));
  for (const province of ordered) {
    const ofYear = years.get(province.year) ?? [];
    ofYear.push(province);
    years.set(province.year, ofYear);
  }
  grouped.set(plans, years);
  return years;
}

/** The provinces with plans in `year`, in GB/T 2260 order. */
export function provincesOfYear(plans: readonly Plan[], year: number): ProvinceYear[] {
  return byYear(plans).get(year) ?? [];
}

/** How many plans `year` has. */
export function planCountOfYear(plans: readonly Plan[], year: number): number {
  return provincesOfYear(plans, year).reduce((sum, province) => sum + province.plans.length, 0);
}

/** Every year's provinces, newest year first: the /years/{year}/{province}/ pages. */
export function provinceYears(plans: readonly Plan[]): ProvinceYear[] {
  return [...byYear(plans).values()].flat();
}

export const yearPath = (year: number): string => `/years/${year}/`;

export const provinceYearPath = (year: number, slug: string): string => `/years/${year}/${slug}/`;

/** The province's own region page (/shandong/). */
export const provinceRegionPath = (province: ProvinceYear): string => regionUrl([province.slug]);

/**
 * Whether a list of `planCount` plans is shown whole: /years/{year}/ lists the
 * year's plans, a province's page its timeline of plans. Past that they list
 * provinces, or years, each leading to its /years/{year}/{province}/ page.
 */
export function fitsOnePage(planCount: number, perPage: number): boolean {
  return planCount <= perPage;
}
