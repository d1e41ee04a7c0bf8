import { z } from 'astro/zod';
import { schemaText as say } from '../../i18n/strings/content-schema.ts';

/**
 * Where a piece of wording comes from. 「制度原文」: a center document prescribes it (name the document
 * by its own title and the section). 「参考示例」: written for the site (name the rule it follows, as
 * `policyId#anchor`).
 */
export const provenanceSchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({
      kind: z.literal('original'),
      document: z
        .string()
        .trim()
        .min(1, { error: say('check.source.document') }),
      section: z
        .string()
        .trim()
        .min(1, { error: say('check.source.section') }),
      /**
       * The prescribed wording as the document gives it, in Simplified characters (〔…〕 marks an editor's
       * note, e.g. a typo in the source). The check proves a script's lines appear in it.
       */
      quote: z.string().trim().min(1).optional(),
    }),
    z.strictObject({
      kind: z.literal('example'),
      rule: z.string().regex(/^[a-z0-9-]+#[a-z0-9-]+$/, { error: say('check.source.rule') }),
    }),
  ],
  {
    error: (i) => (i.input === undefined ? say('check.source.missing') : say('check.source.kind')),
  },
);

export type Provenance = z.infer<typeof provenanceSchema>;
