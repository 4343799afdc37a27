// The front matter of one iCloud reply entry (content/codes/*.mdx). Kept apart from the collection
// config so the shape is readable on its own; every error names the field that failed.
import { reference } from 'astro:content';
import { z } from 'astro/zod';
import { CATEGORIES, EVIDENCE, OUTCOMES, OWNERS, RETRY, STAGES, SUPPRESS, keysOf } from '../lib/vocabulary';

const compiles = (source: string) => {
  try {
    new RegExp(source, 'iu');
    return true;
  } catch {
    return false;
  }
};

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
    related: z.array(reference('codes')).default([]),
    labels: labels.optional(),
    reviewed: z.coerce.date(),
  })
  .superRefine((entry, ctx) => {
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
