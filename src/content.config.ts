import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { flowSchema, phraseSchema, policySchema, scriptSchema } from './lib/content/schema.ts';
import { bankSchema, examSchema } from './lib/quiz/schema.ts';
import { simulationSchema } from './lib/simulation/schema.ts';

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

const flows = defineCollection({
  loader: glob({ pattern: '*.yaml', base: './content/flows' }),
  schema: flowSchema,
});

const banks = defineCollection({
  loader: glob({ pattern: '*.yaml', base: './quizzes/banks' }),
  schema: bankSchema,
});

const exams = defineCollection({
  loader: glob({ pattern: '*.yaml', base: './quizzes/exams' }),
  schema: examSchema,
});

const simulations = defineCollection({
  loader: glob({ pattern: '*.yaml', base: './quizzes/simulations' }),
  schema: simulationSchema,
});

export const collections = { policies, scripts, phrases, flows, banks, exams, simulations };
