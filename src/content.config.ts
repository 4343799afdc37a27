import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { codeEntrySchema } from './lib/schema/code-entry.ts';

const codes = defineCollection({
  loader: glob({ pattern: '*.mdx', base: './content/codes' }),
  schema: codeEntrySchema,
});

export const collections = { codes };
