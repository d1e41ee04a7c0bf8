import { z } from 'astro/zod';

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
      document: z.string().trim().min(1, { error: '制度原文须写出文件名称（document）' }),
      section: z.string().trim().min(1, { error: '制度原文须写出章节（section）' }),
      /**
       * The prescribed wording as the document gives it, in Simplified characters (〔…〕 marks an editor's
       * note, e.g. a typo in the source). The check proves a script's lines appear in it.
       */
      quote: z.string().trim().min(1).optional(),
    }),
    z.strictObject({
      kind: z.literal('example'),
      rule: z
        .string()
        .regex(/^[a-z0-9-]+#[a-z0-9-]+$/, { error: '参考示例须写出所依据的规定 rule：制度id#小标题锚点' }),
    }),
  ],
  {
    error: (i) =>
      i.input === undefined
        ? '缺少来源 source：写 kind: original（制度原文，附 document、section、quote）或 kind: example（参考示例，附 rule: 制度id#小标题锚点）'
        : '来源 source.kind 只能是 original（制度原文）或 example（参考示例）',
  },
);

export type Provenance = z.infer<typeof provenanceSchema>;
