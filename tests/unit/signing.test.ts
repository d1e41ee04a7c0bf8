import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addProgressText, emptyIntake, mergedLearners } from '../../src/lib/grading/intake.ts';
import { gradeAll } from '../../src/lib/grading/board.ts';
import { base32Decode, base32Encode, groupCode } from '../../src/lib/grading/code.ts';
import { generateSigningKeys, supportsEd25519 } from '../../src/lib/grading/signing.ts';
import type { PublicKeyRecord } from '../../src/lib/grading/key-records.ts';
import {
  certificateClaims,
  certificateCode,
  resultsPayload,
  serializeSignedResults,
  signResults,
  verifyCertificateCode,
  verifyResultsText,
} from '../../src/lib/grading/results.ts';
import { verificationCode } from '../fixtures/first-release-code.ts';
import { certification, fileText, index, submitted } from '../fixtures/grading.ts';

const zhang = { employeeId: 'E1001', name: '张三' };
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

async function signedFor(alg: 'Ed25519' | 'ES256') {
  const keys = await generateSigningKeys(alg);
  const intake = emptyIntake();
  await addProgressText(intake, 'z.json', fileText(zhang, [submitted(zhang, certification.id, 'sig')]));
  const [lg] = gradeAll(mergedLearners(intake), [index], new Map());
  const c = certificateClaims(lg!, keys.privateKey.kid)!;
  const code = await certificateCode(c.claims, keys.privateKey);
  const payload = resultsPayload(lg!, keys.privateKey.kid, '2026-11-23T10:00:00.000Z', new Map([[c.attemptId, code]]));
  const file = serializeSignedResults(await signResults(payload, keys.privateKey));
  return { keys, code, file, claims: c.claims };
}

describe('signing', () => {
  it('Node has Ed25519 in WebCrypto (the site key uses it)', async () => {
    expect(await supportsEd25519()).toBe(true);
  });

  for (const alg of ['Ed25519', 'ES256'] as const) {
    it(`${alg}: a certificate code and a results file verify with the public key and name who, what, which key`, async () => {
      const { keys, code, file, claims } = await signedFor(alg);
      const cert = await verifyCertificateCode(groupCode(code), [keys.publicKey]);
      expect(cert).toMatchObject({
        ok: true,
        value: { employeeId: 'E1001', name: '张三', examId: certification.id, percent: 100 },
      });
      expect(cert.ok && cert.key.kid).toBe(keys.publicKey.kid);
      expect(claims.finishedAt).toBeGreaterThan(0);
      const res = await verifyResultsText(file, [keys.publicKey]);
      expect(res.ok && res.value.results[0]).toMatchObject({ passed: true, certificate: code });
    });
  }

  it('any one changed character of a code is rejected (property)', async () => {
    const { keys, code } = await signedFor('Ed25519');
    await fc.assert(
      fc.asyncProperty(fc.nat(code.length - 1), fc.nat(ALPHABET.length - 1), async (pos, k) => {
        const c = ALPHABET[k]!;
        fc.pre(c !== code[pos]);
        const changed = code.slice(0, pos) + c + code.slice(pos + 1);
        expect((await verifyCertificateCode(changed, [keys.publicKey])).ok).toBe(false);
      }),
      { numRuns: 60 },
    );
  });

  it('a changed results file, another key, or the first release’s hash code are rejected with a reason', async () => {
    const { keys, file, code } = await signedFor('Ed25519');
    const other = await generateSigningKeys('Ed25519');
    const tampered = file.replace('\\"percent\\":100', '\\"percent\\":99');
    expect(tampered).not.toBe(file);
    const reasonOf = async (text: string, key: PublicKeyRecord) => {
      const verified = await verifyResultsText(text, [key]);
      return verified.ok ? undefined : verified.reason;
    };
    expect(await reasonOf(tampered, keys.publicKey)).toContain('签名不符');
    expect(await reasonOf(file, other.publicKey)).toContain('不是本站');
    expect(await verifyCertificateCode(code, [other.publicKey])).toMatchObject({ ok: false });
    const hashCode = verificationCode(
      submitted(zhang, certification.id, 'sig') as Parameters<typeof verificationCode>[0],
    );
    expect(await verifyCertificateCode(hashCode, [keys.publicKey])).toMatchObject({ ok: false });
    expect(await reasonOf('{}', keys.publicKey)).toContain('签名');
  });

  it('base32 round-trips any bytes and reads O as 0, I/L as 1, ignoring dashes and case', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 80 }), (bytes) => {
        const d = base32Decode(groupCode(base32Encode(bytes)).toLowerCase());
        expect(d.ok && [...d.bytes]).toEqual([...bytes]);
      }),
    );
    expect(base32Decode('O1')).toEqual(base32Decode('01'));
    expect(base32Decode('U0')).toMatchObject({ ok: false, bad: 'U' });
  });
});
