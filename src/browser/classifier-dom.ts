// A tiny element builder for the classifier's cards. Strings always become text nodes, so pasted
// text can never turn into markup.
import type { EntryFact } from '../lib/entry-facts';

type Child = Node | string | number | false | null | undefined;

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | undefined> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) if (value !== undefined) node.setAttribute(name, value);
  for (const child of children) {
    if (child === false || child === null || child === undefined) continue;
    node.append(typeof child === 'number' ? String(child) : child);
  }
  return node;
}

/** One label and value of a card's description list. */
export const fact = (label: string, value: Node | string) =>
  el('div', {}, el('dt', {}, label), el('dd', {}, value));

/** An entry's facts (src/lib/entry-facts.ts) as a card's description list items. */
export const factItems = (list: readonly EntryFact[]) => list.map((f) => fact(f.label, f.text));
