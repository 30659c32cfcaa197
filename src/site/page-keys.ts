/**
 * Keys of the pages under a region path and of each plan's plan.json: a digest of
 * every value the page renders that is not code or configuration. A rebuild with the
 * same code keeps the earlier output of a page whose key is unchanged
 * (unchanged-pages.ts), so an edit to one plan renders again that plan's pages, the
 * items that list one of its items as related, the regions above it, and the topic,
 * cited-document and policy-term pages that list one of its items.
 *
 * The links in a plan's text enter its pages' keys as the targets the text holds:
 * the atlas's terms change with other plans, and a page must not keep links of an
 * atlas that is gone.
 *
 * Plans enter a key by their own digest, computed once per build: a region page
 * or an item page would otherwise stringify whole plans again and again.
 */
import { createHash } from 'node:crypto';
import { loadLinkTargets } from '../model/link-targets.ts';
import { createLinker, type Linker } from '../model/linker.ts';
import type { Plan } from '../model/plan.ts';
import { base } from './url.ts';
import type { ItemInPlan, RegionNode } from './atlas-model.ts';
import type { ItemEnrichment } from './item-enrichment.ts';

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('base64url');
}

/**
 * Arrays this long are digested once each, by identity: a list shared by every page
 * of a gathering (all the commitments a chart draws) would otherwise be serialised
 * again for each of its pages, which grows with the square of the list.
 */
const sharedArrayLength = 256;

export class PageKeys {
  readonly #plans = new WeakMap<Plan, string>();
  readonly #arrays = new WeakMap<readonly unknown[], string>();
  #linker: Linker | undefined;

  /** The link targets a text holds: the plan body's and the item text's links depend on them as much as on the text. */
  #linksIn(text: string): string[] {
    this.#linker ??= createLinker(loadLinkTargets(base));
    return this.#linker.targetsIn(text);
  }

  planDigest(plan: Plan): string {
    let digest = this.#plans.get(plan);
    if (digest === undefined) {
      digest = sha256(JSON.stringify(plan));
      this.#plans.set(plan, digest);
    }
    return digest;
  }

  /** JSON of `value` with every plan in it, and every long array, replaced by its digest. */
  #digest(value: unknown): string {
    return sha256(JSON.stringify(value, (_, part: unknown) => this.#part(part)));
  }

  #part(part: unknown): unknown {
    if (isPlan(part)) return `plan:${this.planDigest(part)}`;
    if (!Array.isArray(part) || part.length < sharedArrayLength) return part;
    let digest = this.#arrays.get(part);
    if (digest === undefined) {
      // The array's own elements, each through this replacer, so a plan inside it is still its digest.
      digest = sha256(JSON.stringify(part, (key, inner: unknown) => (key === '' ? inner : this.#part(inner))));
      this.#arrays.set(part, digest);
    }
    return `array:${digest}`;
  }

  /** A plan page renders the plan and its Markdown body, with the terms and documents it links, and what enrichment adds (`enriched`: its commitments, its links to other plans). */
  plan(plan: Plan, body: string, enriched: unknown = null): string {
    return this.#digest({ view: 'plan', plan, body, links: this.#linksIn(body), enriched });
  }

  /**
   * An item page renders its item in its plan, its neighbours, its topics and
   * related items, and what else it shows (`shown`: its commitments, the plan item a
   * 总结's item reports on). The item, its sections and its neighbours are all the plan's, which
   * enters by its digest, so the item enters by its place: stringifying its enclosing
   * sections for every item cost most of a build's keys.
   */
  item(context: ItemInPlan, enrichment: ItemEnrichment, shown: unknown = []): string {
    const links = this.#linksIn(context.item.text);
    return this.#digest({ view: 'item', plan: context.plan, index: context.index, url: context.item.url, enrichment, links, shown });
  }

  /** A region page renders its ancestors' names, the regions under it with their plans, and its plans. */
  region(region: RegionNode, ancestors: readonly RegionNode[]): string {
    return this.#digest({ view: 'region', region, ancestors: ancestors.map((node) => ({ name: node.name, url: node.url })) });
  }

  /** plan.json is the plan model itself. */
  planJson(plan: Plan): string {
    return this.#digest({ view: 'plan.json', plan });
  }

  /** A source download is the source's bytes, decoded. */
  source(plan: Plan): string {
    return this.#digest({ view: 'source', file: plan.sourceFile, sha256: plan.sourceSha256 });
  }

  /** A page that gathers items from many plans (a topic, a cited document, a policy term): what it lists. */
  gathering(view: string, shown: unknown): string {
    return this.#digest({ view, shown });
  }

  /** topics.json is the topics of the plan's items, by key. */
  planTopics(topics: Record<string, string[]>): string {
    return this.#digest({ view: 'topics.json', topics });
  }

  redirect(from: string, to: string): string {
    return this.#digest({ view: 'redirect', from, to });
  }
}

function isPlan(value: unknown): value is Plan {
  return typeof value === 'object' && value !== null && 'sourceSha256' in value && 'sections' in value && 'region' in value;
}

/** One for the build: a plan's digest is computed once, whichever routes' keys need it. */
export const pageKeys = new PageKeys();
