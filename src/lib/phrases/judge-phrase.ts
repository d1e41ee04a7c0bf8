import * as z from '../zod-mini.ts';

/**
 * A forbidden phrase as the phrase checker and the simulation judge need it: the phrase and its variants,
 * what to say instead, and why (the judge's feedback). The trainer kit carries the phrase list in this shape.
 */
export const judgePhraseSchema = z.object({
  id: z.string().check(z.minLength(1)),
  phrase: z.string().check(z.minLength(1)),
  variants: z.array(z.string()),
  instead: z.array(z.string()),
  why: z.optional(z.string()),
});

export type JudgePhrase = z.infer<typeof judgePhraseSchema>;
/** What the phrase checker reads of a phrase. */
export type CheckablePhrase = Omit<JudgePhrase, 'why'>;
