/**
 * Topic scoring: an item's jieba words against the taxonomy's signal terms.
 *
 * A topic's score sums, over the distinct signal terms found among the item's
 * words, weight × (1 + ln count); a signal in the item's lead phrase counts once
 * more, times titleBoost, since the lead phrase states what the item is about.
 * A word that is not itself a signal but contains one (劳动教育基地 ⊃ 劳动教育)
 * counts for the longest signal inside it. Matching words, not substrings, keeps
 * 县中 out of 全县中小学 (全县/中小学).
 *
 * Selection: topics scoring at least minScore and at least relativeCut × the best
 * score, at most maxTopics. An item where nothing reaches minScore gets none and
 * is reported.
 */
import { createMatcher, type Matcher } from '../../src/model/matcher.ts';
import type { Taxonomy } from './taxonomy.ts';

export interface TopicScore {
  slug: string;
  score: number;
  /** The signal terms that were found, heaviest contribution first. */
  evidence: string[];
}

export interface TopicScoringOptions {
  minScore: number;
  relativeCut: number;
  maxTopics: number;
  titleBoost: number;
}

export const defaultTopicScoring: TopicScoringOptions = { minScore: 3, relativeCut: 0.45, maxTopics: 3, titleBoost: 1.5 };

interface Signal {
  topic: number;
  weight: number;
}

export interface TopicScorer {
  /** Every topic with any evidence, best first. */
  scores(words: readonly string[], titleWords: readonly string[]): TopicScore[];
  /** The topics the item gets: 0 to maxTopics. */
  assign(words: readonly string[], titleWords: readonly string[]): TopicScore[];
}

export function createTopicScorer(taxonomy: Taxonomy, options: TopicScoringOptions = defaultTopicScoring): TopicScorer {
  const signals = new Map<string, Signal[]>();
  taxonomy.topics.forEach((topic, index) => {
    for (const [term, weight] of Object.entries(topic.signals)) {
      const list = signals.get(term) ?? [];
      list.push({ topic: index, weight });
      signals.set(term, list);
    }
  });
  const terms = [...signals.keys()].sort();
  const inside: Matcher = createMatcher(terms);
  const resolved = new Map<string, string | null>();

  /** The signal term a word stands for: itself, or the longest signal inside it. */
  function signalOf(word: string): string | null {
    if (signals.has(word)) return word;
    const cached = resolved.get(word);
    if (cached !== undefined) return cached;
    let best: string | null = null;
    if (word.length >= 3) {
      for (const match of inside.all(word)) {
        const term = terms[match.pattern]!;
        if (term.length >= 2 && (best === null || term.length > best.length)) best = term;
      }
    }
    resolved.set(word, best);
    return best;
  }

  function count(words: readonly string[]): Map<string, number> {
    const counts = new Map<string, number>();
    for (const word of words) {
      const term = signalOf(word);
      if (term !== null) counts.set(term, (counts.get(term) ?? 0) + 1);
    }
    return counts;
  }

  function scores(words: readonly string[], titleWords: readonly string[]): TopicScore[] {
    const body = count(words);
    const title = count(titleWords);
    const totals = new Map<number, { score: number; evidence: Map<string, number> }>();
    const add = (term: string, amount: number): void => {
      for (const signal of signals.get(term)!) {
        const entry = totals.get(signal.topic) ?? { score: 0, evidence: new Map<string, number>() };
        entry.score += signal.weight * amount;
        entry.evidence.set(term, (entry.evidence.get(term) ?? 0) + signal.weight * amount);
        totals.set(signal.topic, entry);
      }
    };
    for (const [term, n] of body) add(term, 1 + Math.log(n));
    for (const term of title.keys()) add(term, options.titleBoost);
    return [...totals.entries()]
      .map(([topic, entry]) => ({
        slug: taxonomy.topics[topic]!.slug,
        score: Math.round(entry.score * 100) / 100,
        evidence: [...entry.evidence.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([term]) => term),
      }))
      .sort((a, b) => b.score - a.score || (a.slug < b.slug ? -1 : 1));
  }

  function assign(words: readonly string[], titleWords: readonly string[]): TopicScore[] {
    const all = scores(words, titleWords);
    const best = all[0]?.score ?? 0;
    return all.filter((topic) => topic.score >= options.minScore && topic.score >= options.relativeCut * best).slice(0, options.maxTopics);
  }

  return { scores, assign };
}
