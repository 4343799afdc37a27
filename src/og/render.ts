// Element tree -> SVG (satori) -> PNG (resvg). Runs at build time only; no network, no browser.
import satori from 'satori';
import { Resvg } from '@resvg/resvg-js';
import type { OgElement } from './element';
import type { OgFont } from './fonts';
import { SIZE } from './theme';

export async function renderPng(card: OgElement, fonts: OgFont[]): Promise<Uint8Array<ArrayBuffer>> {
  // satori's types expect a ReactNode; the plain object tree is what it reads at run time.
  const svg = await satori(card as Parameters<typeof satori>[0], { ...SIZE, fonts });
  const png = new Resvg(svg, { fitTo: { mode: 'width', value: SIZE.width } }).render().asPng();
  return new Uint8Array(png);
}
