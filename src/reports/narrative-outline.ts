/**
 * The narrative as the report itself outlines it: the covering formula (preamble), section
 * headings, and paragraphs numbered as written. Stored beside the plain list of paragraphs;
 * shown only while it still matches them (an edit in the hub makes the plain list authoritative).
 */
export type OutlineBlock = {
  kind: 'preamble' | 'heading' | 'paragraph';
  /** "1.", "1.1", "2.3.1"; null when unnumbered. */
  number: string | null;
  text: string;
};

/** The outline to show for these paragraphs, or null when there is none or it no longer matches them. */
export function outlineOf(
  paragraphs: string[],
  outline: OutlineBlock[] | null | undefined,
): OutlineBlock[] | null {
  if (!outline || outline.length === 0) return null;
  const own = outline.filter((block) => block.kind === 'paragraph').map((block) => block.text);
  if (own.length !== paragraphs.length || own.some((text, index) => text !== paragraphs[index])) return null;
  return outline;
}
