/** Builds an element with properties and text/node children; data is never parsed as HTML. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Record<string, string | number | boolean> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  Object.assign(node, props);
  node.append(...children);
  return node;
}

/**
 * The second click of a double-click (detail 2) never presses the button that appeared under it:
 * a double-click on 交卷 opens the summary once, one on 下一题 moves one question.
 */
export function ignoreRepeatClicks(root: HTMLElement): void {
  root.addEventListener(
    'click',
    (e) => {
      if (e.detail > 1 && (e.target as HTMLElement).closest('button')) e.stopImmediatePropagation();
    },
    { capture: true },
  );
}
