/**
 * Resolves a plan's region to its GB/T 2260 division, from the strongest
 * evidence that names one: an editor's sidecar, then the printed title, the
 * issuing bodies, the covering notice, and last the places the body mentions.
 */
import type { Provenance, Region } from '../../src/model/plan.ts';
import { loadRegionGenre, type RegionGenre, type RegionScope } from '../genre/regions.ts';
import { loadDivisionIndex, type Division, type DivisionIndex, type NameMention } from './divisions.ts';
import { AtlasError } from '../../src/model/errors.ts';
import { isInsideWord } from './words.ts';
import { findCitations } from '../../src/model/documents.ts';
import { holdsMaskedWords } from '../genre/garbles.ts';

export interface RegionEvidence {
  /** An editor's sidecar `region:`, as a code or a name; it wins. */
  sidecar: { code?: string | null; name?: string | null } | null;
  /** The printed title, e.g. 鹰潭市教育局2021年工作要点. */
  title: string | null;
  /** e.g. ['中共泰安市委教育工委', '泰安市教育局']. */
  issuers: string[];
  /** The covering notice. */
  notice: string;
  /** The heading line printed atop a text that has no plan title (null when it has one). */
  heading?: string | null;
  /** Preamble, section and item text. */
  body: string;
  /** Names of education bureaus (教育局, 教育体育局 …): a place named with one in the body is named as the issuer. */
  organs?: readonly string[];
  /**
   * The page's 发布机构 or 信息来源 (无锡市教育局): the bureau that published the text.
   * The last resort, when the text itself names no region: a province's site may
   * repost a city's plan.
   */
  publisher?: string | null;
}

/**
 * Only the first part of the body is scanned for place names. A plan names its
 * region in its opening paragraphs and throughout; past 200,000 characters
 * (several times a long plan) more text adds no evidence, while a 10 MB input
 * must not cost seconds.
 */
export const bodyScanLimit = 200_000;

/** A full name (大连市) is stronger evidence than a short one (大连), which may be a word. */
const fullNameWeight = 2;
const shortNameWeight = 1;
/** How much a named ancestor (辽宁省 for 大连市) adds to a division's body score, relative to its own mentions. */
const ancestorBoost = 0.5;
/** How often a scope word (全区) must occur before it rules out divisions of other levels. */
const minScopeCount = 2;
/** How often the body must name a place before it is evidence of whose plan this is. */
const minBodyMentions = 2;
/** Running text: two-character full names (房县; 成县 in 完成县级) stand only as short names do. */
const bodyScan = { limit: bodyScanLimit, minFullNameLength: 2 };

const sidecarHint = (example: string): string =>
  `add "region: <code or name>" (e.g. region: ${example}) to a sidecar NAME.meta.yaml beside the source`;

export function regionForDivision(division: Division, source: Provenance, evidence: string, index: DivisionIndex = loadDivisionIndex()): Region {
  const ancestors = index.ancestors(division.code);
  const province = division.level === 'province' ? division : (ancestors[0] as Division);
  const prefecture = division.prefectureCode === null ? null : (index.byCode.get(division.prefectureCode) ?? null);
  return {
    name: division.name,
    code: division.code,
    province: province.name,
    provinceCode: province.code,
    prefecture: prefecture?.name ?? null,
    prefectureCode: prefecture?.code ?? null,
    level: division.level,
    path: [...index.path(division.code)],
    source,
    evidence,
  };
}

const describe = (division: Division, index: DivisionIndex): string =>
  `${[...index.ancestors(division.code), division].map((each) => each.name).join('')} ${division.code}`;

function ambiguous(name: string, candidates: readonly Division[], index: DivisionIndex): AtlasError {
  const listed = candidates.map((candidate) => describe(candidate, index));
  return new AtlasError(
    'region-ambiguous',
    `the region "${name}" could be any of: ${listed.join('; ')}`,
    `${sidecarHint(candidates[0]?.code ?? '370900')}, with the code of the right one`,
  );
}

/**
 * Mentions that stand as names in running text: full names, and short names that
 * are followed by a context word (泰安教育) or whose division the text also names
 * in full. The rest are read as parts of ordinary words (顺利通过 → 利通).
 */
function standingMentions(text: string, mentions: readonly NameMention[], genre: RegionGenre): NameMention[] {
  const fullyNamed = new Set(mentions.filter(({ entry }) => entry.full).flatMap(({ entry }) => entry.divisions.map((division) => division.code)));
  return mentions.filter(({ entry, index: at }) => {
    const end = at + entry.surface.length;
    // A wider area named after the place (武汉都市圈) is not the place.
    if (genre.areaWords.some((word) => text.startsWith(word, end))) return false;
    // A two-character full name (房县, 成县) is read like a short name, and one that
    // begins with a linking word (和县) as the word.
    if (entry.full && entry.surface.length > 2) return true;
    if (entry.full && genre.partnerContexts.some((word) => entry.surface.startsWith(word))) return false;
    // A town that bears its county's name (黄梅镇) is not the county.
    if (!entry.full && genre.township.test(text.slice(end, end + 2))) return false;
    if (!entry.full && entry.divisions.some((division) => fullyNamed.has(division.code))) return true;
    if (genre.shortNameContexts.some((word) => text.startsWith(word, end))) return true;
    return !isInsideWord(text, at, end);
  });
}

/** How strongly each division is named across all the evidence: weights of its mentions. */
type Weights = ReadonlyMap<string, number>;

function weigh(mentions: readonly NameMention[]): Map<string, number> {
  const weights = new Map<string, number>();
  for (const { entry } of mentions) {
    const weight = entry.full ? fullNameWeight : shortNameWeight;
    for (const division of entry.divisions) weights.set(division.code, (weights.get(division.code) ?? 0) + weight);
  }
  return weights;
}

const isAncestor = (ancestor: Division, of: Division, index: DivisionIndex): boolean =>
  index.ancestors(of.code).some((each) => each.code === ancestor.code);

/**
 * Picks one of the divisions a name may mean, by the other places named: first
 * those in the same text (北京市朝阳区), then anywhere in the evidence. Null when
 * nothing tells them apart.
 */
function disambiguate(candidates: readonly Division[], near: Weights, anywhere: Weights, index: DivisionIndex): Division | null {
  if (candidates.length === 1) return candidates[0] as Division;
  for (const weights of [near, anywhere]) {
    const support = (division: Division): number => {
      let total = 0;
      for (const ancestor of index.ancestors(division.code)) total += weights.get(ancestor.code) ?? 0;
      for (const [code, weight] of weights) {
        const other = index.byCode.get(code);
        if (other && other.code !== division.code && isAncestor(division, other, index)) total += weight;
      }
      return total;
    };
    const scored = candidates.map((division) => ({ division, score: support(division) })).sort((a, b) => b.score - a.score);
    const [best, second] = scored;
    if (best && best.score > 0 && (!second || second.score < best.score)) return best.division;
  }
  return null;
}

interface TextResolution {
  division: Division;
  names: string[];
}

/**
 * The region a short text (title, issuers, notice, a sidecar name) names: the
 * most specific division whose ancestors are the other divisions named; when
 * the text names several places of one region (a notice to 泰山区 and 岱岳区 from
 * 泰安市), the lowest named one above them all. Null when it names none or
 * places that do not fit together.
 */
function resolveText(text: string, anywhere: Weights, index: DivisionIndex, running: RegionGenre | null = null): TextResolution | null {
  const scanned = index.scan(text);
  const mentions = running ? standingMentions(text, scanned, running) : scanned;
  if (mentions.length === 0) return null;
  const near = weigh(mentions);
  const named = new Map<string, { division: Division; names: Set<string> }>();
  for (const { entry } of mentions) {
    const division = disambiguate(entry.divisions, near, anywhere, index);
    if (!division) throw ambiguous(entry.surface, entry.divisions, index);
    const found = named.get(division.code) ?? { division, names: new Set<string>() };
    found.names.add(entry.surface);
    named.set(division.code, found);
  }
  const divisions = [...named.values()];
  const related = (a: Division, b: Division): boolean => a.code === b.code || isAncestor(a, b, index) || isAncestor(b, a, index);
  // The deepest division every other named one is an ancestor or a part of.
  const chosen = divisions
    .filter(({ division }) => divisions.every((other) => related(other.division, division)))
    .sort((a, b) => index.ancestors(b.division.code).length - index.ancestors(a.division.code).length)[0];
  if (!chosen) return null;
  const names = divisions
    .filter(({ division }) => division.code === chosen.division.code || isAncestor(division, chosen.division, index))
    .flatMap(({ names: surfaces }) => [...surfaces]);
  return { division: chosen.division, names };
}

function fromSidecar(sidecar: NonNullable<RegionEvidence['sidecar']>, anywhere: Weights, index: DivisionIndex): Region | null {
  const code = sidecar.code?.trim();
  if (code) {
    const division = index.byCode.get(code);
    if (!division) {
      throw new AtlasError(
        'region-unknown',
        `the sidecar's region code ${code} is not a GB/T 2260 division`,
        'use a six-digit code of a province, prefecture or county (e.g. 370900 for 泰安市), or the official name',
      );
    }
    return regionForDivision(division, 'sidecar', code, index);
  }
  const name = sidecar.name?.trim();
  if (!name) return null;
  const exact = index.lookup(name);
  const division = exact.length > 0 ? disambiguate(exact, new Map(), anywhere, index) : (resolveText(name, anywhere, index)?.division ?? null);
  if (exact.length > 1 && !division) throw ambiguous(name, exact, index);
  if (!division) {
    throw new AtlasError(
      'region-unknown',
      `the sidecar's region "${name}" names no GB/T 2260 division`,
      'use the official name (e.g. 泰安市, 台儿庄区) or the six-digit code (e.g. 370900)',
    );
  }
  return regionForDivision(division, 'sidecar', name, index);
}

/**
 * A title or issuer that names its region only by a generic name (城区教育局,
 * 市中区教育局) still names it: the places the document mentions settle which
 * one, else the editor must.
 */
function genericallyNamed(text: string, anywhere: Weights, index: DivisionIndex, genre: RegionGenre): Division | null {
  const names = [...genre.generic].filter((name) => text.includes(name)).sort((a, b) => b.length - a.length);
  for (const name of names) {
    const candidates = index.lookup(name).filter((division) => division.name === name);
    if (candidates.length === 0) continue;
    const division = disambiguate(candidates, new Map(), anywhere, index);
    if (!division) throw ambiguous(name, candidates, index);
    return division;
  }
  return null;
}

/**
 * A bureau the text names by a generic name (深化城中区教育局“一个中心”…) in a text that says
 * which one it is (青海, 西宁: 西宁市城中区, not 柳州's) and speaks for that level (全区):
 * the plan's own bureau, though the generic name alone is no evidence.
 */
function genericBureau(
  body: string,
  organs: readonly string[],
  anywhere: Weights,
  index: DivisionIndex,
  genre: RegionGenre,
): { division: Division; evidence: string } | null {
  const prefix = body.slice(0, openingLength);
  const names = [...genre.generic].filter((name) => prefix.includes(name)).sort((a, b) => b.length - a.length);
  for (const name of names) {
    for (let at = prefix.indexOf(name); at >= 0; at = prefix.indexOf(name, at + 1)) {
      const organ = organs.find((each) => prefix.startsWith(each, at + name.length));
      if (!organ || namedAsPartner(prefix, at, genre) || insideLongerName(prefix, at, name, index)) continue;
      const candidates = index.lookup(name).filter((division) => division.name === name);
      const division = candidates.length > 0 ? disambiguate(candidates, new Map(), anywhere, index) : null;
      const scope = division ? genre.scopes.find((each) => scopeUses(prefix, each.word, genre) > 0 && fitsLevel(each, division)) : undefined;
      if (division && scope) {
        const parents = index.ancestors(division.code).filter((ancestor) => (anywhere.get(ancestor.code) ?? 0) > 0).map((ancestor) => ancestor.name);
        return { division, evidence: `${name}${organ}、${scope.word} (${parents.join('、')} named in the text)` };
      }
    }
  }
  return null;
}

/** A generic name that ends a longer place name (北区 in 渝北区教委, 城区 in 东城区) is that place, not the generic one. */
function insideLongerName(text: string, at: number, name: string, index: DivisionIndex): boolean {
  for (let start = at - 1; start >= Math.max(0, at - 3); start -= 1) {
    if (index.lookup(text.slice(start, at + name.length)).length > 0) return true;
  }
  return false;
}

interface BodyCandidate {
  division: Division;
  own: number;
  score: number;
}

/**
 * The level a title or issuer claims without naming its place: 区教体局 (a
 * district's bureau), 2020年市教育工作总结 (a city's), 全州教育工作要点, 自治区教育厅.
 * Null when it claims none, or levels that disagree.
 */
export function unnamedIssuerScope(text: string, genre: RegionGenre): RegionScope | null {
  const claimed = genre.scopes.filter(
    (scope) =>
      text.includes(scope.word) ||
      scope.bare.some((bare) =>
        genre.unnamedIssuerHeads.some((head) => new RegExp(`(?:^|[\\s、年])${bare}${head}`, 'mu').test(text)),
      ),
  );
  return claimed.length === 1 ? (claimed[0] as RegionScope) : null;
}

/** A level the text claims for itself without naming its place, and what claims it. */
interface Claim {
  scope: RegionScope;
  by: string;
  /** Whether one place of the level named once is then the region (a title's claim), or the claim only rules out other levels. */
  singleMentionSuffices: boolean;
}

/**
 * The lowest level a document cites its own documents under, unnamed: a district
 * summary that carries out 《区教育优质倍增工程…》 is a district's, however often it
 * names the city whose honours its schools won. Only a county's level counts: a
 * county plan cites 《市教育局关于…》 of the city above it as often as its own.
 */
function ownDocumentsScope(body: string, genre: RegionGenre): Claim | null {
  const prefix = body.length > bodyScanLimit ? body.slice(0, bodyScanLimit) : body;
  const titles = findCitations(prefix).map(({ raw }) => raw);
  const scope = titles.length === 0 ? null : unnamedIssuerScope(titles.join('\n'), genre);
  return scope && scope.levels.includes('county') && !scope.levels.includes('prefecture')
    ? { scope, by: `the level of its own documents it cites: 《${titles.find((title) => unnamedIssuerScope(title, genre) === scope)}》`, singleMentionSuffices: false }
    : null;
}

/** How far after a short name a school's name is looked for (幼儿园, 中心小学). */
const schoolNameReach = 4;

/** A short name that begins a school's or college's name (新昌一小, 安顺学院): perhaps a town's of the same name. */
function namesASchool(text: string, entry: NameMention['entry'], at: number, genre: RegionGenre): boolean {
  return !entry.full && genre.schoolName.test(text.slice(at + entry.surface.length, at + entry.surface.length + schoolNameReach));
}

/** A place named as a partner, model or destination (与东平县结对, 赴上海市) is another place than the plan's own. */
export function namedAsPartner(text: string, at: number, genre: RegionGenre): boolean {
  const before = text.slice(Math.max(0, at - 4), at);
  return genre.partnerContexts.some((word) => before.endsWith(word));
}

const levelRank: Record<Division['level'], number> = { province: 0, prefecture: 1, county: 2 };

/** A division of the level a scope word speaks for, with a name that word fits (全市: 大连市, 新泰市). */
function fitsLevel(scope: RegionScope, division: Division): boolean {
  return scope.levels.includes(division.level) && scope.endings.some((ending) => division.name.endsWith(ending));
}

/** A scope word of a level below the division's: a province under any word but its own (全省, 全区). */
function isBelow(scope: RegionScope, division: Division): boolean {
  if (division.level === 'province') return true;
  return scope.levels.every((level) => levelRank[level] > levelRank[division.level]);
}

/**
 * The scope words a text uses as its own, most used first; equal counts go to the lower
 * level (the table lists the higher first): a city's plan speaks of 全省 as often as of
 * 全市, a province's seldom of 全市.
 */
function rankedScopes(text: string, genre: RegionGenre): Array<{ scope: RegionScope; count: number }> {
  return genre.scopes
    .map((scope, order) => ({ scope, order, count: scopeUses(text, scope.word, genre) }))
    .filter(({ count }) => count > 0)
    .sort((a, b) => b.count - a.count || b.order - a.order);
}

function fromBody(body: string, index: DivisionIndex, genre: RegionGenre, organs: readonly string[], claim: Claim | null): Region | null {
  const claimed = claim?.scope ?? null;
  const prefix = body.length > bodyScanLimit ? body.slice(0, bodyScanLimit) : body;
  const mentions = standingMentions(prefix, index.scan(prefix, bodyScan), genre);
  if (mentions.length === 0) return null;
  const weights = weigh(mentions);

  const scopeCounts = rankedScopes(prefix, genre);
  // A level the title or issuer claims outweighs the words of the body, which also speak of the levels above (全省).
  const scope = claimed ?? scopeCounts[0]?.scope ?? null;
  // …but a tie leaves the level unsure (全市 and 全省 three times each).
  const scopeIsSure = claimed !== null || ((scopeCounts[0]?.count ?? 0) >= minScopeCount && scopeCounts[0]?.count !== scopeCounts[1]?.count);

  const candidates: BodyCandidate[] = [];
  for (const [code, own] of weights) {
    const division = index.byCode.get(code) as Division;
    let score = own;
    for (const ancestor of index.ancestors(code)) score += ancestorBoost * (weights.get(ancestor.code) ?? 0);
    candidates.push({ division, own, score });
  }
  const fitsScope = (division: Division): boolean => scope !== null && fitsLevel(scope, division);
  const scoped = candidates.filter(({ division }) => fitsScope(division));
  // A plan that speaks of 全区 is a district's: a prefecture it names in passing is not its region.
  if (scopeIsSure && scoped.length === 0) return null;
  const pool = (scoped.length > 0 ? scoped : candidates).sort((a, b) => b.score - a.score || a.division.code.localeCompare(b.division.code));
  // Places all above the level the text speaks for (浙江 and 绍兴 in a text of 全区) leave its own unnamed, not in doubt.
  if (scope !== null && pool.every(({ division }) => !fitsScope(division) && isBelow(scope, division))) return null;
  const best = pool[0] as BodyCandidate;
  const tied = pool.filter((candidate) => candidate.score === best.score);
  if (tied.length > 1) {
    const surfaces = [...new Set(mentions.filter(({ entry }) => entry.divisions.some((d) => tied.some((t) => t.division.code === d.code))).map(({ entry }) => entry.surface))];
    throw ambiguous(surfaces.join('、'), tied.map(({ division }) => division), index);
  }
  // A place's own parts do not outrank it: a prefecture named at least as often as one of its counties is the region.
  const ancestorInPool = pool.find(
    (candidate) => candidate !== best && isAncestor(candidate.division, best.division, index) && candidate.own >= best.own,
  );
  // A province named exactly as often as one of its cities or counties could be
  // either's plan (a city plan speaks of 广东 as often as of 佛山): the text does not say.
  if (ancestorInPool && ancestorInPool.own === best.own && ancestorInPool.division.level === 'province') {
    throw ambiguous(
      [...new Set(mentions.filter(({ entry }) => entry.divisions.some((d) => d.code === best.division.code || d.code === ancestorInPool.division.code)).map(({ entry }) => entry.surface))].join('、'),
      [ancestorInPool.division, best.division],
      index,
    );
  }
  const chosen = ancestorInPool ?? best;
  // The body's own scope word, even once, speaks against a place above its level
  // (全市 against 江苏, which a city's plan names for the province's documents; 全县
  // against the city a county names); a word of a level above (全省) does not.
  if (scope !== null && !fitsScope(chosen.division) && isBelow(scope, chosen.division)) return null;
  // …and so does its word for itself: 我县 against the city a county's summary names.
  const ownWords = genre.scopes.filter((each) => prefix.includes(`我${each.word.slice(1)}`));
  if (ownWords.some((each) => !fitsLevel(each, chosen.division) && isBelow(each, chosen.division))) return null;
  // One passing mention is no evidence of whose plan this is.
  // A name printed with its bureau (惠州市教育局) counts twice: it says whose plan this is.
  const chosenMentions = mentions.filter(({ entry }) => entry.divisions.some((division) => division.code === chosen.division.code));
  const named = chosenMentions.reduce((sum, { entry, index: at }) => sum + (organs.some((organ) => prefix.startsWith(organ, at + entry.surface.length)) ? 2 : 1), 0);
  // Unless it is the one place of the very level the plan speaks for (全县 … 和顺教育; 区教体局 … 庐阳区), not named as a partner.
  // A place inside 《…》 is the cited document's, which need not be the plan's own.
  const insideCitedTitle = (at: number): boolean => findCitations(prefix).some((title) => title.start < at && at < title.end);
  // Not in a redacted or template copy (接收凤台籍…教师×人): its one place may be a reader's example, not its own.
  const templateCopy = holdsMaskedWords(prefix);
  const onlyOfItsLevel =
    !templateCopy &&
    scopeIsSure &&
    (claim === null || claim.singleMentionSuffices) &&
    scoped.length === 1 &&
    fitsScope(chosen.division) &&
    chosenMentions.some(({ entry, index: at }) => !namedAsPartner(prefix, at, genre) && !insideCitedTitle(at) && !namesASchool(prefix, entry, at, genre));
  if (named < minBodyMentions && !onlyOfItsLevel) return null;

  const relevant = new Set([chosen.division.code, ...index.ancestors(chosen.division.code).map((each) => each.code)]);
  const counts = new Map<string, number>();
  for (const { entry } of mentions) {
    if (entry.divisions.some((division) => relevant.has(division.code))) counts.set(entry.surface, (counts.get(entry.surface) ?? 0) + 1);
  }
  const scopeCount = scopeCounts.find((each) => each.scope === scope);
  const evidence = [
    ...(claim && fitsScope(chosen.division) ? [`${claim.scope.word} (${claim.by})`] : []),
    ...(scopeCount && fitsScope(chosen.division) ? [`${scopeCount.scope.word}×${scopeCount.count}`] : []),
    ...[...counts].map(([surface, count]) => `${surface}×${count}`),
  ].join('、');
  return regionForDivision(chosen.division, 'body', evidence, index);
}

/** How often a text speaks of a scope (全省) as its own: not where it ranks something in it (排名全省第一). */
export function scopeUses(text: string, word: string, genre: RegionGenre): number {
  let count = 0;
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + word.length)) {
    const before = text.slice(Math.max(0, at - 2), at);
    const after = text.slice(at + word.length, at + word.length + 2);
    const ranking = genre.rankingBefore.some((each) => before.endsWith(each)) || genre.rankingAfter.some((each) => after.startsWith(each));
    if (!ranking) count += 1;
  }
  return count;
}

/**
 * Evidence that names a division by a former name says so: 襄樊市 (now 襄阳市, renamed 2010),
 * from the table; or, where the text found a district by the short name it kept, what the
 * text printed (富阳市 is now 富阳区; 赣县, now 赣县区).
 */
function withFormerNames(region: Region, evidence: RegionEvidence, genre: RegionGenre): Region {
  const notes = genre.formerNames
    .filter((former) => former.now === region.code && region.evidence.includes(former.name))
    .map((former) => `${former.name} is ${region.name} since ${former.changed}`);
  if (notes.length === 0) notes.push(...formerLevelNotes(region, evidence));
  return notes.length === 0 ? region : { ...region, evidence: `${region.evidence} (${notes.join('; ')})` };
}

function formerLevelNotes(region: Region, evidence: RegionEvidence): string[] {
  const short = region.name.replace(/(?:区|市|县)$/u, '');
  if (region.level !== 'county' || short.length < 2 || short === region.name) return [];
  const printed = [evidence.title ?? '', evidence.heading ?? '', ...evidence.issuers, evidence.notice].flatMap((text) => [
    ...['市', '县', '区'].map((suffix) => `${short}${suffix}`).filter((name) => name !== region.name && text.includes(name)),
    // …or a county's whole old name the district keeps before its 区 (赣县 of 赣县区).
    ...(/[县市]$/u.test(short) && new RegExp(`${short}(?!区)`, 'u').test(text) ? [short] : []),
  ]);
  const former = [...new Set(printed)];
  return former.length === 0 ? [] : [`${former.join('、')} is now ${region.name}`];
}

export function resolveRegion(evidence: RegionEvidence, index: DivisionIndex = loadDivisionIndex()): Region {
  return withFormerNames(resolveRegionFromEvidence(evidence, index), evidence, loadRegionGenre());
}

function resolveRegionFromEvidence(evidence: RegionEvidence, index: DivisionIndex): Region {
  const genre = loadRegionGenre();
  const texts: Array<{ source: Provenance; text: string }> = [
    { source: 'title', text: evidence.title ?? '' },
    { source: 'issuer', text: evidence.issuers.join('\n') },
    { source: 'notice', text: genre.addressees.reduce((text, pattern) => text.replace(pattern, ' '), evidence.notice) },
    { source: 'heading', text: evidence.heading ?? '' },
  ];
  // Names anywhere in the evidence settle which 朝阳区 a title means, the page's 来源 (上海普陀) among them.
  const anywhere = weigh([...texts.map(({ text }) => index.scan(text)), index.scan(evidence.body, bodyScan), index.scan(evidence.publisher ?? '')].flat());

  if (evidence.sidecar) {
    const region = fromSidecar(evidence.sidecar, anywhere, index);
    if (region) return region;
  }
  for (const { source, text } of texts) {
    const found = resolveText(text, anywhere, index, source === 'notice' || source === 'heading' ? genre : null);
    if (found && source === 'title') {
      // A title that names the city (2022年青岛西海岸新区…) under issuers that name its district
      // (中共青岛市黄岛区委教育工作委员会): the issuers say which part of it.
      const byIssuer = resolveText(evidence.issuers.join('\n'), anywhere, index, null);
      if (byIssuer && isAncestor(found.division, byIssuer.division, index)) return regionForDivision(byIssuer.division, 'issuer', byIssuer.names.join('、'), index);
    }
    if (found) return regionForDivision(found.division, source, found.names.join('、'), index);
    if (source !== 'heading') continue;
    // Past the title, issuers and notice: a masked name there means the place was hidden on purpose.
    const masked = maskedName([evidence.title ?? '', ...evidence.issuers, evidence.notice, evidence.body.slice(0, openingLength)], genre);
    if (masked) {
      throw new AtlasError(
        'region-masked',
        `the document hides its region: "${masked}" is a masked place name, so the places it mentions cannot stand in for it`,
        `if you know the region from elsewhere (the page it was published on), ${sidecarHint('370900').replace(/^add/u, 'add')}`,
      );
    }
  }
  for (const { source, text } of texts.slice(0, 2)) {
    const division = genericallyNamed(text, anywhere, index, genre);
    if (division) return regionForDivision(division, source, division.name, index);
  }
  // A development zone's text names its city, which is not the zone's region: the text does not say which division.
  const zone = genre.zoneLeadership.map((pattern) => pattern.exec(evidence.body.slice(0, openingLength))?.[0]).find(Boolean);
  if (zone) {
    throw new AtlasError(
      'region-unresolved',
      `the document is a development zone's ("${zone}"), and a zone is no province, city or county: the places its text names are not its region`,
      `if its plans are to be filed under a division, ${sidecarHint('330200')}`,
    );
  }
  // Words after a place that make it the plan's own bureau (城中区教育局, 河源市教育系统).
  const ownBureau = [...(evidence.organs ?? []), ...genre.bureauContexts];
  const bureau = genericBureau(evidence.body, ownBureau, anywhere, index, genre);
  if (bureau) return regionForDivision(bureau.division, 'body', bureau.evidence, index);
  const claimed = unnamedIssuerScope([evidence.title ?? '', evidence.heading ?? '', ...evidence.issuers].join('\n'), genre);
  const claim: Claim | null = claimed
    ? { scope: claimed, by: 'the level the title or issuer claims', singleMentionSuffices: true }
    : ownDocumentsScope(evidence.body, genre);
  const region = fromBody(evidence.body, index, genre, ownBureau, claim);
  if (region) return region;
  const publisher = evidence.publisher?.trim() ?? '';
  const publishedByBureau = (evidence.organs ?? []).some((organ) => publisher.endsWith(organ));
  const government = genre.publishingGovernments.some((organ) => publisher.endsWith(organ));
  if (publishedByBureau || government) {
    const found = resolveText(publisher, anywhere, index, null);
    // A government's portal also carries what other places send it: the text's own scope word, most used
    // and of one level only, must be its level's (全县 for a 县; not 全市, which a county-level city shares with its prefecture).
    const speaksForIt = (division: Division): boolean => {
      const [first, second] = rankedScopes(evidence.body.slice(0, bodyScanLimit), genre);
      return first !== undefined && first.count !== second?.count && first.scope.levels.length === 1 && fitsLevel(first.scope, division);
    };
    if (found && (publishedByBureau || speaksForIt(found.division))) return regionForDivision(found.division, 'publisher', publisher, index);
  }
  throw new AtlasError(
    'region-unresolved',
    'the document names no region: no province, city or county in its title, issuers or notice, and none named often enough in its text (a place mentioned in passing, inside an ordinary word or a school’s name, is no evidence)',
    sidecarHint('370900'),
  );
}

/** How much of the body's start is read for what its opening says: masked names (全县…, XX县教育…), a zone's leadership, a bureau's generic name. */
const openingLength = 2_000;

function maskedName(texts: readonly string[], genre: RegionGenre): string | null {
  for (const text of texts) {
    for (const pattern of genre.masked) {
      const match = pattern.exec(text);
      if (match) return match[0];
    }
  }
  return null;
}
