/**
 * Slugs of cited documents and policy terms: readable and stable.
 *
 * Rule: the pinyin initials of the normalized text (Han characters as their
 * initial letter, ASCII letters and digits kept, everything else dropped; at most
 * 16 letters), a hyphen, and the first 6 hex digits of the SHA-256 of the
 * normalized text. 中小学德育工作指南 → zxxdygzzn-<hash>. The initials make the
 * URL readable; the hash keeps two titles with the same initials apart and makes
 * the slug depend on nothing but the normalized text, so it never changes when
 * other documents are added.
 */
import { createHash } from 'node:crypto';
import { pinyin } from 'pinyin-pro';

const han = /\p{Script=Han}/u;
const maxInitials = 16;

export function initials(text: string): string {
  // The whole text goes to pinyin-pro at once so it can read polyphones in context.
  const letters = han.test(text) ? pinyin(text, { pattern: 'first', toneType: 'none', type: 'array', v: true }) : [...text];
  return letters
    .join('')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')
    .slice(0, maxInitials);
}

/**
 * Slugs already made, by normalized text. Every item's terms and citations are
 * slugged, so the same few hundred texts come back some 100,000 times at 1,000
 * plans, and pinyin-pro reading them each time was 0.4 s of a clean enrich.
 */
const slugs = new Map<string, string>();

export function stableSlug(normalized: string): string {
  let slug = slugs.get(normalized);
  if (slug === undefined) {
    slug = slugOf(normalized);
    slugs.set(normalized, slug);
  }
  return slug;
}

function slugOf(normalized: string): string {
  const hash = createHash('sha256').update(normalized, 'utf8').digest('hex').slice(0, 6);
  const letters = initials(normalized);
  return letters ? `${letters}-${hash}` : `x-${hash}`;
}
