import { describe, expect, it } from 'vitest';
import jsQR from 'jsqr';
import { buildTrainerKit, gradingOf, indexKit, parseTrainerKit, trainerKitSchema } from '../../src/lib/grading/kit.ts';
import { qrPath, qrPixels } from '../../src/lib/grading/qr.ts';
import { drawPaper } from '../../src/lib/quiz/draw.ts';
import { loadContent } from '../../src/lib/content/load-content.ts';
import { buildKitFromContent } from '../../tools/trainer-kit-files.ts';

const content = loadContent();
const { kit } = buildKitFromContent('.', '2026-11-23T00:00:00.000Z');

describe('trainer kit', () => {
  it('holds every trainer-graded exam of the content, and every question such an exam can draw, with its key', () => {
    const trainer = content.exams.filter((e) => gradingOf(e.data) === 'trainer').map((e) => e.id);
    expect(kit.exams.map((e) => e.id).sort()).toEqual(trainer.sort());
    const idx = indexKit(kit);
    for (const exam of kit.exams) {
      for (let s = 0; s < 20; s++) {
        const paper = drawPaper(exam, idx.banks.get(exam.id)!, `seed-${s}`);
        for (const q of paper.questions) expect(idx.questions.get(q.id)?.answer, `${exam.id} ${q.id}`).toBeDefined();
      }
    }
    expect(trainerKitSchema.safeParse(JSON.parse(JSON.stringify(kit))).success).toBe(true);
  });

  it('draws only from the exam pool when an exam says pool: exam, and leaves instant exams out', () => {
    const k = buildTrainerKit({
      exams: [
        {
          ...content.exams[0]!.data,
          id: 'sealed',
          kind: 'certification',
          grading: 'trainer',
          pool: 'exam',
          draws: [{ topic: 't', count: 1, mustPass: false }],
          extra: [],
        },
        {
          ...content.exams[0]!.data,
          id: 'mock',
          kind: 'mock',
          grading: 'instant',
          pool: 'practice',
          draws: [{ topic: 't', count: 1, mustPass: false }],
          extra: [],
        },
      ],
      banks: [
        {
          topic: 't',
          questions: [
            {
              id: 'p1',
              type: 'truefalse',
              stem: 's',
              answer: true,
              explanation: 'e',
              ref: 'a#b',
              difficulty: 1,
              pool: 'practice',
            },
            {
              id: 'x1',
              type: 'truefalse',
              stem: 's',
              answer: false,
              explanation: 'e',
              ref: 'a#b',
              difficulty: 1,
              pool: 'exam',
            },
          ],
        },
      ],
      simulations: [{ id: 'sim', data: { accept: ['您好'] } }],
      builtAt: 'now',
    });
    expect(k.exams.map((e) => e.id)).toEqual(['sealed']);
    expect(k.instantExams).toEqual(['mock']);
    expect(k.exams[0]!.banks).toEqual({ t: ['x1'] });
    expect(k.questions.map((q) => q.id)).toEqual(['x1']);
    expect(k.simulations).toHaveLength(1);
  });

  it('a damaged kit is refused with the field named', () => {
    const broken = JSON.parse(JSON.stringify(kit));
    broken.questions[0].answer = 'A';
    expect(parseTrainerKit(JSON.stringify(broken))).toMatchObject({
      ok: false,
      reason: expect.stringContaining('questions[0].answer'),
    });
    expect(parseTrainerKit('{')).toMatchObject({ ok: false, reason: expect.stringContaining('JSON') });
  });
});

describe('certificate QR', () => {
  it('decodes back to the code it carries, drawn as one path', () => {
    const code = 'C1ABCDEFGHJKMNPQRSTVWXYZ0123456789'.repeat(6);
    const { width, data } = qrPixels(code);
    expect(jsQR(data, width, width)?.data).toBe(code);
    const { size, d } = qrPath(code);
    expect(size).toBeGreaterThan(21);
    expect(d).toMatch(/^(M\d+ \d+h1v1h-1z)+$/);
  });
});

describe('the kit re-draws the paper the learner saw', () => {
  it('for every trainer-graded exam, the exam page’s banks and the kit’s banks give the same paper for any seed', async () => {
    const { examPayload } = await import('../../src/lib/quiz/payload.ts');
    const { banksFromQuestions } = await import('../../src/lib/quiz/banks.ts');
    const refs = new Map(
      content.policies.map((p) => [
        p.id,
        { policyTitle: p.data.title, headings: new Map(p.sections.map((s) => [s.anchor, s.text])) },
      ]),
    );
    const banks = content.banks.map((b) => b.data);
    const idx = indexKit(kit);
    for (const exam of kit.exams) {
      const source = content.exams.find((e) => e.id === exam.id)!.data;
      const pageBanks = banksFromQuestions(examPayload(source, banks, refs).questions);
      for (let s = 0; s < 25; s++) {
        const seed = `paper-${s}`;
        expect(drawPaper(exam, idx.banks.get(exam.id)!, seed), `${exam.id} ${seed}`).toEqual(
          drawPaper(source, pageBanks, seed),
        );
      }
    }
  });
});
