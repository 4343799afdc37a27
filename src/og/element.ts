// Satori draws React-shaped element objects; this builds them without JSX or React.
export type OgStyle = Record<string, string | number>;
export type OgChild = OgElement | string;
export interface OgElement {
  type: 'div';
  props: { style: OgStyle; children: OgChild[] };
}

export const box = (style: OgStyle, ...children: (OgChild | false | undefined)[]): OgElement => ({
  type: 'div',
  props: { style: { display: 'flex', ...style }, children: children.filter((c): c is OgChild => !!c) },
});

/** Every string in the tree, in order: what the image says, for tests and alt text checks. */
export function textOf(node: OgChild): string[] {
  return typeof node === 'string' ? [node] : node.props.children.flatMap(textOf);
}
