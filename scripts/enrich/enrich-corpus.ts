/**
 * The enrich stage: every parsed plan in, topics, cited documents, policy terms
 * and related items out. A pure function of the plans and its resources (taxonomy,
 * dictionary, title rules, stopwords, a segmenter); loadEnrichResources() reads
 * the resources from their files, at the edge. Output is sorted so the same plans
 * always give the same bytes.
 */
import { compareText, planOrder } from '../../src/model/order.ts';
import { type Item, type Plan, type Section } from '../../src/model/plan.ts';
import { loadPolicyTerms, type PolicyTerm } from '../../src/model/search/dictionary.ts';
import { displayTitle, documentSlug, findCitations, loadTitleRules, normalizeTitle, type TitleRules } from '../../src/model/documents.ts';
import { keywordVectors, loadStopwords, termFrequencies } from './keywords.ts';
import { defaultRelatedOptions, relatedItems, type RelatedOptions } from './related.ts';
import type { CommitmentGroup, DocumentEntry, ItemEnrichment, PlanEntry, TermEntry, TopicEntry, Vocabulary } from '../../src/model/enrichment.ts';
import { createJiebaSegmenter, type Segmenter } from './segmenter.ts';
import { stableSlug } from '../../src/model/page-slug.ts';
import { loadTaxonomy, signalTerms, type Taxonomy } from './taxonomy.ts';
import { createTermFinder, findQuotedTerms, normalizeTerm, type TermFinder } from './terms.ts';
import { loadQuotedTermRules, type QuotedTermRules } from '../genre/quoted-terms.ts';
import { loadSynonyms, type SynonymGroups } from '../genre/synonyms.ts';
import { searchVocabulary } from './vocabulary.ts';
import { createCommitmentReader, isReported, loadCommitmentTable, type CommitmentReader, type CommitmentTable, type ReadCommitment } from './commitment-reader.ts';
import { commitmentGroupSlug, gatherCommitments } from './commitment-groups.ts';
import { createTopicScorer, defaultTopicScoring, type TopicScorer, type TopicScoringOptions } from './topics.ts';

export interface EnrichResources {
  taxonomy: Taxonomy;
  policyTerms: readonly PolicyTerm[];
  titleRules: TitleRules;
  stopwords: ReadonlySet<string>;
  /**
   * Given the words it must keep whole (signal terms and every policy term) and,
   * when known, the texts it will cut, returns a segmenter.
   */
  segmenter: (userWords: readonly string[], texts?: Iterable<string>) => Segmenter;
  commitments: CommitmentTable;
  /** Groups of words that name one thing (scripts/genre/synonyms.yaml), for search. */
  synonyms: SynonymGroups;
  topicScoring?: TopicScoringOptions;
  related?: RelatedOptions;
}

export function loadEnrichResources(): EnrichResources {
  return {
    taxonomy: loadTaxonomy(),
    policyTerms: loadPolicyTerms(),
    titleRules: loadTitleRules(),
    stopwords: loadStopwords(),
    segmenter: createJiebaSegmenter,
    commitments: loadCommitmentTable(),
    synonyms: loadSynonyms(),
  };
}

export interface Enrichment {
  items: ItemEnrichment[];
  topics: TopicEntry[];
  documents: DocumentEntry[];
  terms: TermEntry[];
  plans: PlanEntry[];
  /** Items no topic fits: reported, not forced. */
  unassigned: string[];
  /** The lists of /commitments/, by kind, then by size. */
  commitments: CommitmentGroup[];
  /** Text the linker must leave alone because a term inside it is not a word there (全县中小学 ⊅ 县中). */
  blockers: string[];
  /** Synonyms and the words items print most, for search past the exact words. */
  vocabulary: Vocabulary;
}


const nameLength = 28;

/** "7.推动学前教育优质普惠" or, for an item without a lead phrase, "4.稳步提升教育教学质量，中考合格率…". */
export function itemName(item: Pick<Item, 'label' | 'title' | 'text'>): string {
  if (item.title) return `${item.label}${item.title}`;
  const text = item.text.replace(/\s+/g, '');
  return `${item.label}${text.length > nameLength ? `${text.slice(0, nameLength)}…` : text}`;
}

/** What the corpus-wide steps need of a plan. */
export type PlanHead = Pick<PlanEntry, 'id' | 'url' | 'title' | 'region' | 'regionPath' | 'year' | 'years' | 'kind'>;

export function planHead(plan: Plan): PlanHead {
  return { id: plan.id, url: plan.url, title: plan.title, region: plan.region.name, regionPath: plan.region.path, year: plan.year, years: plan.years, kind: plan.kind };
}

/** What the corpus-wide steps need of an item besides its facts: read from the item alone. */
export interface ItemHead {
  url: string;
  key: string;
  heading: string;
  name: string;
  /** Terms it prints in “”: every item's go into the segmenter's user words. */
  quoted: string[];
  /** It stands where a plan reports what was done (a summary's section): its figures are results unless their clause plans them. */
  reported: boolean;
}

/** Every item of a plan with its head, in document order; an item reports results inside a summary section or a summary plan. */
export function itemHeads(plan: Plan, reader: Pick<CommitmentReader, 'reportsResults' | 'reportsThroughout'>): Array<{ item: Item; head: ItemHead }> {
  const heads: Array<{ item: Item; head: ItemHead }> = [];
  const throughout = reader.reportsThroughout(plan.kind);
  const walk = (sections: readonly Section[], reported: boolean): void => {
    for (const section of sections) {
      const here = reported || reader.reportsResults(section.heading, plan.kind);
      for (const item of section.items) heads.push({ item, head: itemHead(item, here) });
      walk(section.sections, here);
    }
  };
  walk(plan.sections, throughout);
  return heads;
}

export function itemHead(item: Item, reported = false): ItemHead {
  return { url: item.url, key: item.key, heading: item.heading, name: itemName(item), quoted: findQuotedTerms(item.text), reported };
}

/**
 * What enrichment finds in one item, a function of its text and lead phrase and of
 * the resources and the corpus's terms (the segmenter's user words) only: what a
 * cache may keep per item. Slugs are kept beside their texts so that a cached item
 * needs no pinyin.
 */
export interface ItemFacts {
  topics: ItemEnrichment['topics'];
  /** Every citation in order, as normalized key, slug and printed title. */
  citations: Array<{ key: string; slug: string; shown: string }>;
  /** Term, slug and word-aligned count, by term. */
  terms: Array<[term: string, slug: string, count: number]>;
  blockers: string[];
  /** Keyword counts (termFrequencies), in the order first seen. */
  frequencies: Array<[word: string, count: number]>;
  /** What the text commits to, not yet marked as reported. */
  commitments: ReadCommitment[];
}

/**
 * The corpus's terms: the dictionary's, and phrases quoted in some item that name a
 * policy, a programme or a standard (scripts/genre/quoted-terms.yaml): a phrase
 * quoted for emphasis or as a manner (“研究型”) is not a term.
 */
export interface CorpusTerms {
  /** Terms some item prints in “”: admitted by the rules, or in the dictionary. */
  quoted: ReadonlySet<string>;
  dictionary: ReadonlyMap<string, PolicyTerm>;
  /** Sorted: the term finder's patterns and, with the taxonomy's signals, the segmenter's user words. */
  all: readonly string[];
}

export function corpusTerms(
  heads: Iterable<Pick<ItemHead, 'quoted'>>,
  policyTerms: readonly PolicyTerm[],
  rules: Pick<QuotedTermRules, 'nameOf'> = loadQuotedTermRules(),
): CorpusTerms {
  const dictionary = new Map(policyTerms.map((entry) => [normalizeTerm(entry.term), entry] as const));
  const quoted = new Set<string>();
  for (const head of heads) {
    for (const term of head.quoted) if (dictionary.has(term) || rules.nameOf(term) !== null) quoted.add(term);
  }
  return { quoted, dictionary, all: [...new Set([...quoted, ...dictionary.keys()])].sort(compareText) };
}

/** The words the segmenter must keep whole: the taxonomy's signal terms and every term of the corpus. */
export function userWords(taxonomy: Taxonomy, terms: CorpusTerms): string[] {
  return [...signalTerms(taxonomy), ...terms.all];
}

/**
 * Facts of one item; the segmenter (jieba's dictionary load) and matchers are made
 * on the first call. `items`, when given, are the items it will be asked about, so
 * that jieba loads once for all of them.
 */
export function itemEnricher(
  resources: EnrichResources,
  terms: CorpusTerms,
  items: Iterable<Pick<Item, 'title' | 'text'>> = [],
): (item: Pick<Item, 'title' | 'text'>) => ItemFacts {
  let tools: { segmenter: Segmenter; scorer: TopicScorer; finder: TermFinder; topicNames: Map<string, string>; commitments: CommitmentReader } | null = null;
  return (item) => {
    tools ??= {
      segmenter: resources.segmenter(userWords(resources.taxonomy, terms), textsOf(items)),
      scorer: createTopicScorer(resources.taxonomy, resources.topicScoring ?? defaultTopicScoring),
      finder: createTermFinder(terms.all),
      topicNames: new Map(resources.taxonomy.topics.map((topic) => [topic.slug, topic.name])),
      commitments: createCommitmentReader(resources.commitments),
    };
    const { segmenter, scorer, finder, topicNames, commitments } = tools;
    const words = segmenter.cut(item.text);
    const assigned = scorer.assign(words, item.title ? segmenter.cut(item.title) : []);
    const citations = findCitations(item.text).map((citation) => {
      const key = normalizeTitle(citation.raw, resources.titleRules);
      return { key, slug: documentSlug(key), shown: citation.raw.trim() };
    });
    const found = finder.find(item.text, words);
    return {
      topics: assigned.map((topic) => ({ slug: topic.slug, name: topicNames.get(topic.slug)!, score: topic.score, evidence: topic.evidence.slice(0, 5) })),
      citations,
      terms: [...found.counts.keys()].sort(compareText).map((term) => [term, stableSlug(term), found.counts.get(term)!]),
      blockers: [...found.blockers],
      frequencies: [...termFrequencies(words, resources.stopwords)],
      commitments: commitments.read(item.text),
    };
  };
}

function* textsOf(items: Iterable<Pick<Item, 'title' | 'text'>>): Iterable<string> {
  for (const item of items) {
    yield item.text;
    if (item.title) yield item.title;
  }
}

/** One item in corpus order (plans by planOrder, items in document order) with its facts. */
export interface EnrichedItem {
  plan: PlanHead;
  head: ItemHead;
  facts: ItemFacts;
}

export function enrichCorpus(plans: readonly Plan[], resources: EnrichResources = loadEnrichResources()): Enrichment {
  const ordered = [...plans].sort(planOrder);
  const reader = createCommitmentReader(resources.commitments);
  const entries = ordered.flatMap((plan) => itemHeads(plan, reader).map(({ item, head }) => ({ plan, item, head })));
  const terms = corpusTerms(entries.map((entry) => entry.head), resources.policyTerms);
  const enrich = itemEnricher(
    resources,
    terms,
    entries.map((entry) => entry.item),
  );
  return assembleEnrichment(
    ordered.map(planHead),
    entries.map(({ plan, item, head }) => ({ plan: planHead(plan), head, facts: enrich(item) })),
    terms,
    resources,
  );
}

/**
 * The corpus-wide part: cited documents, term occurrences, keyword vectors (IDF over
 * the corpus), related items, topics and the per-plan counts, from every item's facts.
 * `plans` and `items` must be in corpus order.
 */
export function assembleEnrichment(
  plans: readonly PlanHead[],
  items: readonly EnrichedItem[],
  terms: CorpusTerms,
  resources: Pick<EnrichResources, 'taxonomy' | 'related' | 'commitments' | 'synonyms'>,
): Enrichment {
  const { taxonomy } = resources;
  const { quoted, dictionary } = terms;
  const reader = createCommitmentReader(resources.commitments);
  const enriched: ItemEnrichment[] = [];
  const documents = new Map<string, { variants: Map<string, number>; citations: DocumentEntry['citations'] }>();
  const termOccurrences = new Map<string, TermEntry['occurrences']>();
  const blockers = new Set<string>();
  const unassigned: string[] = [];

  for (const { plan, head, facts } of items) {
    if (facts.topics.length === 0) unassigned.push(head.url);

    const cited: string[] = [];
    for (const { key, slug, shown } of facts.citations) {
      const entry = documents.get(key) ?? { variants: new Map<string, number>(), citations: [] };
      entry.variants.set(shown, (entry.variants.get(shown) ?? 0) + 1);
      if (!entry.citations.some((existing) => existing.url === head.url)) entry.citations.push({ url: head.url, plan: plan.id, year: plan.year, as: shown });
      documents.set(key, entry);
      if (!cited.includes(slug)) cited.push(slug);
    }

    const quotedHere = new Set(head.quoted);
    for (const blocker of facts.blockers) blockers.add(blocker);
    for (const [term, , count] of facts.terms) {
      const list = termOccurrences.get(term) ?? [];
      list.push({ url: head.url, plan: plan.id, year: plan.year, count, quoted: quotedHere.has(term) });
      termOccurrences.set(term, list);
    }

    enriched.push({
      id: head.url,
      url: head.url,
      plan: plan.id,
      key: head.key,
      heading: head.heading,
      name: head.name,
      topics: facts.topics,
      documents: cited,
      terms: facts.terms.map(([, slug]) => slug),
      keywords: [],
      related: [],
      commitments: facts.commitments.map(({ clause: _clause, wording: _wording, tense, ...commitment }) => ({ ...commitment, reported: isReported({ tense }, head.reported), group: commitmentGroupSlug(commitment, reader), plannedIn: [] })),
      reports: head.reported,
    });
  }

  const vectors = keywordVectors(
    items.map(({ facts }) => new Map(facts.frequencies)),
    24,
  );
  const termText = new Map(terms.all.map((term) => [stableSlug(term), term] as const));
  const related = relatedItems(
    enriched.map((item, index) => ({
      url: item.url,
      plan: item.plan,
      vector: vectors[index]!,
      topics: item.topics.map((topic) => topic.slug),
      terms: item.terms.map((slug) => termText.get(slug)!),
    })),
    resources.related ?? defaultRelatedOptions,
  );
  enriched.forEach((item, index) => {
    item.keywords = vectors[index]!.slice(0, 8).map(([word]) => word);
    item.related = related.get(item.url) ?? [];
  });

  const itemsByPlan = new Map<string, number>();
  for (const item of enriched) itemsByPlan.set(item.plan, (itemsByPlan.get(item.plan) ?? 0) + 1);
  const yearTotals = new Map<number, { items: number; plans: number }>();
  for (const plan of plans) {
    const total = yearTotals.get(plan.year) ?? { items: 0, plans: 0 };
    total.items += itemsByPlan.get(plan.id) ?? 0;
    total.plans += 1;
    yearTotals.set(plan.year, total);
  }
  const years = [...yearTotals.keys()].sort((a, b) => a - b);
  const allYears = years.length === 0 ? [] : Array.from({ length: years.at(-1)! - years[0]! + 1 }, (_, index) => years[0]! + index);

  const topics: TopicEntry[] = taxonomy.topics.map((topic, order) => {
    const members = enriched.filter((item) => item.topics.some((assigned) => assigned.slug === topic.slug));
    const perPlan: Record<string, number> = {};
    for (const member of members) perPlan[member.plan] = (perPlan[member.plan] ?? 0) + 1;
    return { id: topic.slug, slug: topic.slug, order, name: topic.name, kind: topic.kind, definition: topic.definition, items: members.map((member) => member.url), plans: perPlan };
  });

  const documentEntries: DocumentEntry[] = [...documents.entries()]
    .map(([key, entry]) => {
      const slug = documentSlug(key);
      return {
        id: slug,
        slug,
        title: displayTitle(entry.variants),
        key,
        variants: [...entry.variants.entries()].sort((a, b) => b[1] - a[1] || compareText(a[0], b[0])).map(([variant]) => variant),
        citations: entry.citations,
      };
    })
    .sort((a, b) => compareText(a.slug, b.slug));

  const termEntries: TermEntry[] = [...termOccurrences.entries()]
    .map(([term, occurrences]) => {
      const slug = stableSlug(term);
      const listed = dictionary.get(term);
      const origins: TermEntry['origins'] = [];
      if (quoted.has(term)) origins.push('quoted');
      if (listed) origins.push('dictionary');
      const perYear = new Map<number, { items: number; plans: Set<string> }>();
      for (const occurrence of occurrences) {
        const count = perYear.get(occurrence.year) ?? { items: 0, plans: new Set<string>() };
        count.items += 1;
        count.plans.add(occurrence.plan);
        perYear.set(occurrence.year, count);
      }
      return {
        id: slug,
        slug,
        term,
        origins,
        note: listed?.note ?? null,
        source: listed?.source ?? null,
        occurrences,
        years: allYears.map((year) => ({
          year,
          items: perYear.get(year)?.items ?? 0,
          plans: perYear.get(year)?.plans.size ?? 0,
          corpusItems: yearTotals.get(year)?.items ?? 0,
          corpusPlans: yearTotals.get(year)?.plans ?? 0,
        })),
      };
    })
    .sort((a, b) => compareText(a.slug, b.slug));

  const planEntries: PlanEntry[] = plans.map((plan) => {
    const counts: Record<string, number> = {};
    for (const topic of topics) if (topic.plans[plan.id]) counts[topic.slug] = topic.plans[plan.id]!;
    return {
      id: plan.id,
      url: plan.url,
      title: plan.title,
      region: plan.region,
      regionPath: plan.regionPath,
      year: plan.year,
      years: plan.years,
      kind: plan.kind,
      items: itemsByPlan.get(plan.id) ?? 0,
      topics: counts,
    };
  });

  return {
    items: enriched,
    topics,
    documents: documentEntries,
    terms: termEntries,
    plans: planEntries,
    unassigned,
    commitments: gatherCommitments(plans, enriched, reader, new Map(items.map(({ head, facts }) => [head.url, facts.commitments.map((commitment) => commitment.wording)]))),
    blockers: [...blockers].filter((blocker) => !termText.has(stableSlug(blocker))).sort(compareText),
    vocabulary: searchVocabulary({
      itemWords: items.map(({ facts }) => facts.frequencies),
      terms: termEntries.map((entry) => [entry.term, entry.occurrences.length] as const),
      topics: topics.map((topic) => [topic.name, topic.items.length] as const),
      synonyms: resources.synonyms,
    }),
  };
}
