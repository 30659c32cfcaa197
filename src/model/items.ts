/**
 * Walks every item in document order. A section's own items always precede its
 * subsections: an item after a subsection would share that subsection's numbering
 * style and so belongs to it. Free of imports, so that code the browser runs can
 * walk a plan.json without bundling the model's schemas.
 */
interface Nested<I> {
  items: readonly I[];
  sections: readonly Nested<I>[];
}

export function* itemsOf<I>(sections: readonly Nested<I>[]): Generator<I> {
  for (const section of sections) {
    yield* section.items;
    yield* itemsOf(section.sections);
  }
}
