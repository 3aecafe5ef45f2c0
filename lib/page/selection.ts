/**
 * The reader's selection, if it is one we may save: inside the document region at both ends,
 * not inside our own UI, and not only white space. Anything else (navigation, the page header,
 * a form field, an empty click) gets no toolbar.
 */
export function selectionInRegion(selection: Selection | null, region: Element): Range | null {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  const inside = (node: Node) => node === region || region.contains(node);
  if (!inside(range.startContainer) || !inside(range.endContainer)) return null;
  const within = (node: Node) => (node.nodeType === 1 ? (node as Element) : node.parentElement);
  for (const node of [range.startContainer, range.endContainer]) {
    if (within(node)?.closest('[data-riksref-ui], input, textarea, [contenteditable]:not([contenteditable="false"])')) return null;
  }
  if (!range.toString().trim()) return null;
  return range;
}
