// The front matter of one iCloud reply entry (content/codes/*.mdx): the one statement of an entry's
// shape. Imports only zod, so the build (src/content.config.ts), the tests and scripts all parse
// entries with it; every other entry type is derived from `CodeEntryData`.
import { z } from 'zod';
import { CATEGORIES, EVIDENCE, OUTCOMES, OWNERS, RETRY, STAGES, SUPPRESS, keysOf } from '../vocabulary.ts';
import { compiles } from '../regexp.ts';

/** One matching rule. The entry's `tag`, when set, is a rule of its own and is not repeated here. */
const matchRule = z.union([
  z.strictObject({
    phrase: z.string().min(4, 'a phrase must be at least 4 characters'),
  }),
  z.strictObject({
    regex: z.string().min(4).refine(compiles, { message: 'this regular expression does not compile' }),
  }),
]);

/** A DSN that carries no SMTP reply (iCloud's mailbox store): its Status code and Reason phrase. */
const dsnKey = z.strictObject({
  status: z.string().regex(/^[245]\.\d{1,3}\.\d{1,3}$/, 'must be class.subject.detail, e.g. 4.2.2'),
  reason: z.string().min(4),
});

/** How other tools file the reply: Sisimai's reason, and ESP labels only where a source shows them. */
const labels = z.strictObject({
  sisimai: z.strictObject({ reason: z.string().min(3), note: z.string().optional() }),
  esps: z
    .array(z.strictObject({ esp: z.string().min(2), label: z.string().min(2), source: z.url() }))
    .default([]),
});

export const codeEntrySchema = z
  .strictObject({
    title: z.string().min(3),
    summary: z.string().min(20).max(220),
    /** The basic reply code; absent exactly when the entry is keyed by `dsn` instead. */
    code: z.number().int().min(200).max(599).optional(),
    dsn: dsnKey.optional(),
    enhanced: z
      .string()
      .regex(/^[245]\.\d{1,3}\.\d{1,3}$/, 'must be class.subject.detail, e.g. 5.7.1')
      .optional(),
    tag: z
      .string()
      .regex(/^[A-Z0-9]{2,6}$/, 'must be Apple’s bracket tag without brackets, e.g. CS01')
      .optional(),
    reply: z.string().min(5),
    outcome: z.enum(keysOf(OUTCOMES)),
    retry: z.enum(keysOf(RETRY)),
    retryDelay: z.string().optional(),
    suppress: z.enum(keysOf(SUPPRESS)),
    owner: z.enum(keysOf(OWNERS)),
    category: z.enum(keysOf(CATEGORIES)),
    stage: z.enum(keysOf(STAGES)).optional(),
    /** Stock MTA wording that other providers send too: only credit iCloud when the context says iCloud. */
    generic: z.boolean().default(false),
    /** Extra rules; an entry with a `tag` is matched by the tag alone unless it needs more. */
    match: z.array(matchRule).default([]),
    examples: z.array(z.strictObject({ text: z.string().min(5), note: z.string().optional() })).min(1),
    evidence: z.enum(keysOf(EVIDENCE)),
    evidenceNote: z.string().optional(),
    sources: z
      .array(z.strictObject({ title: z.string().min(3), url: z.url(), date: z.coerce.date().optional() }))
      .min(1),
    /** Ids of other entries; that each exists is checked across the collection (relatedErrors). */
    related: z
      .array(z.string().regex(/^[a-z0-9-]+$/, 'must be an entry id, e.g. 550-5-1-1-user-unknown'))
      .default([]),
    labels,
    /** "If you only sent the message" in the entry's own words, where the wording derived from its
     *  owner and category (src/lib/sender-help.ts) does not fit: what to do, and the note to send. */
    onlySent: z.strictObject({ text: z.string().min(20), say: z.string().min(20).optional() }).optional(),
    reviewed: z.coerce.date(),
    /** What changed on the page, oldest first: the first item is its publication. Dates are UTC days;
     *  tests/unit/entry-history.test.ts checks each against the file's git history. */
    history: z
      .array(
        z.strictObject({
          date: z.coerce.date(),
          summary: z.string().min(10).max(240),
        }),
      )
      .min(1, 'needs at least the day the entry was first published'),
  })
  .superRefine((entry, ctx) => {
    entry.history.forEach((change, i) => {
      const previous = entry.history[i - 1];
      if (previous && change.date < previous.date) {
        ctx.addIssue({
          code: 'custom',
          path: ['history', i, 'date'],
          message: 'history goes oldest first: this date is before the one above it',
        });
      }
    });
    if ((entry.code === undefined) === (entry.dsn === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['code'], message: 'set exactly one of `code` and `dsn`' });
    }
    if (entry.code !== undefined && entry.enhanced && entry.enhanced[0] !== String(entry.code)[0]) {
      ctx.addIssue({
        code: 'custom',
        path: ['enhanced'],
        message: `class ${entry.enhanced[0]} does not match basic code ${entry.code}`,
      });
    }
    if (entry.dsn && entry.enhanced && entry.enhanced !== entry.dsn.status) {
      ctx.addIssue({
        code: 'custom',
        path: ['enhanced'],
        message: `must equal dsn.status ${entry.dsn.status}`,
      });
    }
    if (!entry.tag && !entry.dsn && entry.match.length === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['match'],
        message: 'an entry without a tag needs at least one rule',
      });
    }
    if (entry.code !== undefined && !entry.reply.startsWith(String(entry.code))) {
      ctx.addIssue({
        code: 'custom',
        path: ['reply'],
        message: `must start with the basic code ${entry.code}`,
      });
    }
    if (entry.tag && !entry.reply.includes(`[${entry.tag}]`)) {
      ctx.addIssue({ code: 'custom', path: ['tag'], message: `the reply does not contain [${entry.tag}]` });
    }
  });

/** An entry's front matter once parsed: defaults applied, dates as Date. */
export type CodeEntryData = z.output<typeof codeEntrySchema>;
export type MatchRule = CodeEntryData['match'][number];

/** The file an entry lives in, as error messages name it. */
export const entryFile = (id: string) => `content/codes/${id}.mdx`;

/** One line per problem: `content/codes/<id>.mdx: <field path>: <message>`. */
export function entryIssues(id: string, error: z.ZodError): string[] {
  const line = (path: PropertyKey[], message: string) =>
    `${entryFile(id)}: ${path.map(String).join('.') || '(front matter)'}: ${message}`;
  return error.issues.flatMap((i) =>
    i.code === 'unrecognized_keys'
      ? i.keys.map((key) => line([...i.path, key], 'not a field of an entry (misspelt?)'))
      : [line(i.path, i.message)],
  );
}

/** Parses one entry's front matter (as YAML gives it) the way the build does, or throws naming the
 *  file and every field that failed. */
export function parseEntry(id: string, frontMatter: unknown): CodeEntryData {
  const result = codeEntrySchema.safeParse(frontMatter);
  if (!result.success) throw new Error(entryIssues(id, result.error).join('\n'));
  return result.data;
}

/** Astro does not check that a related id names an entry; this does, across the whole collection. */
export function relatedErrors(entries: { id: string; data: Pick<CodeEntryData, 'related'> }[]): string[] {
  const ids = new Set(entries.map((e) => e.id));
  return entries.flatMap((e) =>
    e.data.related.flatMap((r, i) =>
      ids.has(r) ? [] : [`${entryFile(e.id)}: related.${i}: there is no entry "${r}" in content/codes/`],
    ),
  );
}
