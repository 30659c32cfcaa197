/**
 * Finds what in a text links to a page: titles cited in 《》 that have a document
 * page, and policy terms that have a term page. Returns the text cut into
 * segments whose concatenation is the text itself, so linking never changes a
 * character. Used by the rehype plugin (rendered Markdown) and by the LinkedText
 * component (item text), so both link the same words.
 */
import { findCitations, normalizeTitle, type TitleRules } from './documents.ts';
import { createMatcher } from './matcher.ts';

export interface LinkTargets {
  /** Normalized title key → URL of its document page. */
  documents: ReadonlyMap<string, string>;
  /** Term as printed → URL of its term page. */
  terms: ReadonlyMap<string, string>;
  /** Longer words that contain a term but are not that term (全县中小学 ⊃ 县中): left unlinked. */
  blockers: readonly string[];
  titleRules: TitleRules;
}

export interface Segment {
  text: string;
  href?: string;
  kind?: 'document' | 'term';
}

export interface Linker {
  /**
   * The text cut into segments, linked where a target stands. Given `linked`, the
   * targets already linked in the same item, a target is linked only where it first
   * stands (a plan item that names 立德树人 four times links it once), and the ones
   * linked here are added to it.
   */
  segments(text: string, linked?: Set<string>): Segment[];
  /**
   * Every target the text could link to, and every blocker in it, whether or not
   * it is linked where it stands: what decides the text's links. A page key that
   * holds it changes whenever the links could (a term added to the atlas that the
   * text contains), and only then.
   */
  targetsIn(text: string): string[];
}

export function createLinker(targets: LinkTargets): Linker {
  const termList = [...targets.terms.keys()];
  const patterns = [...termList, ...targets.blockers.filter((blocker) => !targets.terms.has(blocker))];
  const matcher = createMatcher(patterns);

  function segments(text: string, linked?: Set<string>): Segment[] {
    const spans: Array<{ start: number; end: number; href: string; kind: 'document' | 'term' }> = [];
    const documents = findCitations(text)
      .map((citation) => ({ citation, href: targets.documents.get(normalizeTitle(citation.raw, targets.titleRules)) }))
      .filter((found): found is { citation: (typeof found)['citation']; href: string } => found.href !== undefined);
    for (const { citation, href } of documents) spans.push({ start: citation.start, end: citation.end, href, kind: 'document' });

    // Terms outside linked titles only: a link never nests in another.
    let documentIndex = 0;
    for (const match of matcher.leftmostLongest(text)) {
      if (match.pattern >= termList.length) continue;
      while (documentIndex < documents.length && documents[documentIndex]!.citation.end <= match.start) documentIndex += 1;
      const document = documents[documentIndex]?.citation;
      if (document && document.start < match.end && match.start < document.end) continue;
      spans.push({ start: match.start, end: match.end, href: targets.terms.get(termList[match.pattern]!)!, kind: 'term' });
    }
    spans.sort((a, b) => a.start - b.start);

    const result: Segment[] = [];
    let at = 0;
    for (const span of spans) {
      if (span.start < at) continue;
      if (linked?.has(span.href)) continue;
      linked?.add(span.href);
      if (span.start > at) result.push({ text: text.slice(at, span.start) });
      result.push({ text: text.slice(span.start, span.end), href: span.href, kind: span.kind });
      at = span.end;
    }
    if (at < text.length) result.push({ text: text.slice(at) });
    return result.length > 0 ? result : [{ text }];
  }

  function targetsIn(text: string): string[] {
    const found = new Set<string>();
    for (const citation of findCitations(text)) {
      const href = targets.documents.get(normalizeTitle(citation.raw, targets.titleRules));
      if (href !== undefined) found.add(`${citation.raw}→${href}`);
    }
    for (const match of matcher.all(text)) {
      const pattern = patterns[match.pattern]!;
      found.add(`${pattern}→${targets.terms.get(pattern) ?? 'blocker'}`);
    }
    return [...found].sort();
  }

  return { segments, targetsIn };
}
