import * as z from '../zod-mini.ts';
import { gradingText as say } from '../../i18n/strings/grading-reasons.ts';

/** Signing key records: the public one committed and built into the site, the private one in the trainer kit. */

export const signingAlgs = ['Ed25519', 'ES256'] as const;
export type SigningAlg = (typeof signingAlgs)[number];

const text = z.string().check(z.minLength(1));
const jwkSchema = z.custom<JsonWebKey>((v) => typeof v === 'object' && v !== null && !Array.isArray(v), {
  message: say('key.notJwk'),
});

export const publicKeyRecordSchema = z.object({ kid: text, alg: z.enum(signingAlgs), jwk: jwkSchema });
/** The public record's fields, with the private JWK as `jwk` and its public half kept beside it. */
export const privateKeyRecordSchema = z.extend(publicKeyRecordSchema, { publicJwk: jwkSchema });

export type PublicKeyRecord = z.infer<typeof publicKeyRecordSchema>;
export type PrivateKeyRecord = z.infer<typeof privateKeyRecordSchema>;
