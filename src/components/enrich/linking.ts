/** One linker per build, over the targets the enrich stage wrote, under the site's base. */
import { createLinker, type Linker, type Segment } from '../../model/linker.ts';
import { loadLinkTargets } from '../../model/link-targets.ts';
import { base } from '../../site/url.ts';

let linker: Linker | undefined;

export function linkSegments(text: string, linked?: Set<string>): Segment[] {
  linker ??= createLinker(loadLinkTargets(base));
  return linker.segments(text, linked);
}
