// The layers' import boundaries, in the spirit of Starlight's import test: every import of every
// .ts, .mjs and .astro file in src/ and scripts/ is read and resolved to the file it names, and an
// arrow that crosses a layer fails with the importer and the imported file named. Data flows one
// way: schema and engine (src/lib) → the report (src/lib/report) → pages, browser code and programs.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SOURCE = /\.(ts|mts|mjs|astro)$/;

function filesUnder(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && SOURCE.test(e.name))
    .map((e) => path.relative(ROOT, path.join(e.parentPath, e.name)).split(path.sep).join('/'));
}

const PRODUCT = [...filesUnder('src'), ...filesUnder('scripts')];

// `import … from '…'`, `export … from '…'`, `import '…'` and `import('…')`, also inside an .astro
// file's front matter and scripts.
const IMPORT =
  /(?:^|[\s;])(?:import|export)\s+(?:type\s+)?(?:[\w*${}\s,]+?\s+from\s+)?['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

interface Arrow {
  from: string;
  /** The file or folder imported, relative to the repository; a package's name as written. */
  to: string;
}

/** The arrows out of one file: relative imports resolved to repository paths. */
function importsOf(file: string, text: string): Arrow[] {
  const arrows: Arrow[] = [];
  for (const m of text.matchAll(IMPORT)) {
    const spec = m[1] ?? m[2]!;
    if (!spec.startsWith('.')) {
      arrows.push({ from: file, to: spec });
      continue;
    }
    let to = path.posix.normalize(path.posix.join(path.posix.dirname(file), spec));
    if (!SOURCE.test(to) && existsSync(path.join(ROOT, `${to}.ts`))) to = `${to}.ts`;
    arrows.push({ from: file, to });
  }
  return arrows;
}

const ARROWS = PRODUCT.flatMap((file) => importsOf(file, readFileSync(path.join(ROOT, file), 'utf8')));

const under = (dir: string) => (p: string) => p === dir || p.startsWith(`${dir}/`);
const isReport = under('src/lib/report');
/** The door (src/lib/engine.ts) is the one module that joins the engine and the report. */
const DOOR = 'src/lib/engine.ts';
const isEngine = (p: string) => under('src/lib')(p) && !isReport(p) && p !== DOOR;

interface Boundary {
  rule: string;
  from: (file: string) => boolean;
  mayNotReach: (target: string) => boolean;
}

const BOUNDARIES: Boundary[] = [
  {
    rule: 'the engine (src/lib but the report and the door) never reaches the report, browser code, data, components or pages',
    from: isEngine,
    mayNotReach: (t) =>
      ['src/lib/report', 'src/browser', 'src/data', 'src/components', 'src/pages', 'src/layouts'].some((d) =>
        under(d)(t),
      ),
  },
  {
    rule: 'the report (src/lib/report) never reaches browser code, data, components or pages',
    from: isReport,
    mayNotReach: (t) => ['src/browser', 'src/data', 'src/components', 'src/pages'].some((d) => under(d)(t)),
  },
  {
    rule: 'src/lib imports only src/lib and packages (no Astro, no schema folder above it)',
    from: under('src/lib'),
    mayNotReach: (t) =>
      (t.startsWith('src/') && !under('src/lib')(t)) || t === 'astro' || t.startsWith('astro:'),
  },
  {
    rule: 'nothing in the product (src, scripts) reaches tests/',
    from: () => true,
    mayNotReach: under('tests'),
  },
];

/** The arrows that cross a boundary, as `importer → imported`. */
function crossings(arrows: readonly Arrow[], boundary: Boundary): string[] {
  return arrows
    .filter((a) => boundary.from(a.from) && boundary.mayNotReach(a.to))
    .map((a) => `${a.from} → ${a.to}`);
}

describe('import boundaries', () => {
  it('reads the imports it judges', () => {
    // A reader that found nothing would pass every boundary.
    expect(PRODUCT.length).toBeGreaterThan(100);
    expect(ARROWS).toContainEqual({ from: DOOR, to: 'src/lib/report/index.ts' });
    expect(ARROWS).toContainEqual({ from: 'src/lib/report/index.ts', to: 'src/lib/report/intake.ts' });
    expect(importsOf('src/lib/a.ts', "import type { X } from '../data/x';\nexport * from './y.ts';")).toEqual(
      [
        { from: 'src/lib/a.ts', to: 'src/data/x' },
        { from: 'src/lib/a.ts', to: 'src/lib/y.ts' },
      ],
    );
  });

  it.each(BOUNDARIES.map((b) => [b.rule, b] as const))('%s', (_rule, boundary) => {
    expect(crossings(ARROWS, boundary)).toEqual([]);
  });

  it('a crossing is caught, naming both files', () => {
    const bad = importsOf('src/lib/classify/scan.ts', "import { x } from '../../browser/copy.ts';");
    expect(crossings(bad, BOUNDARIES[0]!)).toEqual(['src/lib/classify/scan.ts → src/browser/copy.ts']);
  });
});

describe('module size and casts', () => {
  it('no TypeScript module in src is over 300 lines', () => {
    const long = PRODUCT.filter((f) => f.startsWith('src/') && f.endsWith('.ts'))
      .map((f) => ({ f, lines: readFileSync(path.join(ROOT, f), 'utf8').trimEnd().split('\n').length }))
      .filter(({ lines }) => lines > 300)
      .map(({ f, lines }) => `${f}: ${lines} lines`);
    expect(long).toEqual([]);
  });

  it('no `as unknown as` or `as RuleEntry[]` in src or scripts', () => {
    const casts = PRODUCT.filter((f) =>
      /as unknown as|as RuleEntry\[\]/.test(readFileSync(path.join(ROOT, f), 'utf8')),
    );
    expect(casts).toEqual([]);
  });
});
