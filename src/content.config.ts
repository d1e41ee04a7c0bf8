import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { phraseSchema, policySchema, scriptSchema } from './lib/content/schema.ts';

const policies = defineCollection({
  loader: glob({ pattern: '*.mdx', base: './content/policies' }),
  schema: policySchema,
});

const scripts = defineCollection({
  loader: glob({ pattern: '*.yaml', base: './content/scripts' }),
  schema: scriptSchema,
});

const phrases = defineCollection({
  loader: glob({ pattern: '*.yaml', base: './content/phrases' }),
  schema: phraseSchema,
});

export const collections = { policies, scripts, phrases };
