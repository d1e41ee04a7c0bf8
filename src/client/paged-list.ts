/**
 * Items rendered a page at a time into a list, with a "more" button after it: a drop of 500 files has
 * tens of thousands of rows, and building them all at once would hold the page for minutes.
 */
export function renderPaged<T>(
  list: HTMLElement,
  more: HTMLButtonElement,
  items: readonly T[],
  render: (item: T, index: number) => HTMLElement,
  pageSize: number,
  moreLabel: (left: number) => string,
  /** Rows to show at once when re-rendering (what the reader had opened before), at least a page. */
  keep = 0,
): () => number {
  let shown = 0;
  const next = (size = pageSize) => {
    const page = items.slice(shown, shown + size).map((item, k) => render(item, shown + k));
    list.append(...page);
    shown += page.length;
    more.hidden = shown >= items.length;
    more.textContent = moreLabel(items.length - shown);
    return page[0];
  };
  list.replaceChildren();
  // Keyboard users land on the first new row, not back at the top or on a button that may vanish.
  more.onclick = () => {
    const first = next();
    if (!first) return;
    first.tabIndex = -1;
    first.focus();
  };
  next(Math.max(pageSize, keep));
  return () => shown;
}
