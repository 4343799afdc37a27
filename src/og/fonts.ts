// Inter from @fontsource (woff: satori reads woff and ttf, not woff2). Read once per build.
import { readFile } from 'node:fs/promises';
import { FONT } from './theme';

export interface OgFont {
  name: string;
  data: Buffer;
  weight: 400 | 700;
  style: 'normal';
}

const FILES = [
  { subset: 'latin', weight: 400 },
  { subset: 'latin', weight: 700 },
  { subset: 'latin-ext', weight: 400 },
  { subset: 'latin-ext', weight: 700 },
] as const;

let loaded: Promise<OgFont[]> | undefined;

/** `root` is the project folder (the one holding node_modules). */
export function loadFonts(root: URL): Promise<OgFont[]> {
  loaded ??= Promise.all(
    FILES.map(async ({ subset, weight }) => ({
      name: FONT,
      weight,
      style: 'normal' as const,
      data: await readFile(
        new URL(`node_modules/@fontsource/inter/files/inter-${subset}-${weight}-normal.woff`, root),
      ),
    })),
  );
  return loaded;
}
