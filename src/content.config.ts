import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { codeEntrySchema } from './schemas/code-entry';

const codes = defineCollection({
  loader: glob({ pattern: '*.mdx', base: './content/codes' }),
  schema: codeEntrySchema,
});

export const collections = { codes };
