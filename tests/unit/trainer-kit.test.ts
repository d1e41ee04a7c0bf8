import { describe, expect, it } from 'vitest';
import jsQR from 'jsqr';
import { buildTrainerKit, indexKit, parseTrainerKit } from '../../src/lib/grading/kit.ts';
import { qrPath, qrPixels } from '../../src/lib/grading/qr.ts';
import { drawPaper } from '../../src/lib/quiz/draw.ts';
import { loadContent } from '../../src/lib/content/load-content.ts';
import type { ExamDefinition } from '../../src/lib/quiz/schema.ts';
import { buildKitFromContent } from '../../tools/trainer-kit-files.ts';
import { loadSimulations } from '../../src/lib/simulation/load.ts';
import { prepareSimulation } from '../../src/lib/simulation/prepare.ts';
import { placeholderValues } from '../../src/site.config.ts';

const content = loadContent();
const { kit } = buildKitFromContent('.', '2026-11-23T00:00:00.000Z');

describe('trainer kit', () => {
  it('holds every trainer-graded exam of the content, and every question such an exam can draw, with its key', () => {
    const trainer = content.exams.filter((e) => e.data.grading === 'trainer').map((e) => e.id);
    expect(kit.exams.map((e) => e.id).sort()).toEqual(trainer.sort());
    const idx = indexKit(kit);
    for (const exam of kit.exams) {
      for (let s = 0; s < 20; s++) {
        const paper = drawPaper(exam, idx.banks.get(exam.id)!, `seed-${s}`, idx.simulationRefs.get(exam.id));
        for (const q of paper.questions) expect(idx.questions.get(q.id)?.answer, `${exam.id} ${q.id}`).toBeDefined();
        for (const id of paper.simulations ?? [])
          expect(idx.simulations.get(id)?.turns, `${exam.id} ${id}`).toBeDefined();
      }
    }
    expect(parseTrainerKit(JSON.stringify(kit))).toEqual({ ok: true, kit: JSON.parse(JSON.stringify(kit)) as unknown });
  });

  it('draws only from the exam pool when an exam says pool: exam, and leaves instant exams out', () => {
    const exam = content.exams.find((e) => e.data.grading === 'trainer')!.data;
    const question = { type: 'truefalse', stem: 's', explanation: 'e', ref: 'a#b', difficulty: 1 } as const;
    const source = { kind: 'example', rule: 'a#b' } as const;
    const sims = loadSimulations('.', content).simulations.map((x) => x.data);
    const k = buildTrainerKit({
      exams: [
        { ...exam, id: 'sealed', grading: 'trainer', pool: 'exam' } as const,
        { ...exam, id: 'mock', kind: 'mock', grading: 'instant', pool: 'practice' } as const,
      ].map((e): ExamDefinition => ({
        ...e,
        draws: [{ topic: 't', count: 1, mustPass: false }],
        extra: [],
        simulations: { count: 1, mustInclude: [], passMark: 100 },
      })),
      banks: [
        {
          topic: 't',
          title: 'T',
          questions: [
            { ...question, id: 'p1', answer: true, pool: 'practice', source },
            { ...question, id: 'x1', answer: false, pool: 'exam', source },
          ],
        },
      ],
      simulations: [
        { ...sims[0]!, id: 'sim-practice', pool: 'practice' },
        { ...sims[1]!, id: 'sim-exam', pool: 'exam' },
      ],
      phrases: [],
      builtAt: 'now',
    });
    expect(k.exams.map((e) => e.id)).toEqual(['sealed']);
    expect(k.instantExams).toEqual(['mock']);
    expect(k.exams[0]!.banks).toEqual({ t: ['x1'] });
    expect(k.questions.map((q) => q.id)).toEqual(['x1']);
    expect(k.exams[0]!.simulationIds).toEqual(['sim-exam']);
    expect(k.simulations.map((x) => x.id)).toEqual(['sim-exam']);
  });

  it('a damaged kit is refused with the field named', () => {
    // A copy to damage: loosely typed on purpose, so a field can hold what the schema refuses.
    type Loose = { questions: Record<string, unknown>[]; exams: Record<string, unknown>[]; version: number };
    const copy = () => JSON.parse(JSON.stringify(kit)) as Loose;
    const broken = copy();
    broken.questions[0]!['answer'] = 'A';
    expect(parseTrainerKit(JSON.stringify(broken))).toMatchObject({
      ok: false,
      reason: expect.stringContaining('questions[0].answer') as unknown,
    });
    const badExam = copy();
    badExam.exams[0]!['passMark'] = 'high';
    expect(parseTrainerKit(JSON.stringify(badExam))).toMatchObject({
      ok: false,
      reason: expect.stringContaining('exams[0].passMark') as unknown,
    });
    const old = copy();
    old.version = 1;
    expect(parseTrainerKit(JSON.stringify(old))).toMatchObject({
      ok: false,
      reason: expect.stringContaining('npm run build') as unknown,
    });
    expect(parseTrainerKit('{')).toMatchObject({ ok: false, reason: expect.stringContaining('JSON') as unknown });
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
    const sims = loadSimulations('.', content).simulations.map((x) => prepareSimulation(x.data, placeholderValues));
    const idx = indexKit(kit);
    for (const exam of kit.exams) {
      const source = content.exams.find((e) => e.id === exam.id)!.data;
      const page = examPayload(source, banks, refs, sims);
      const pageBanks = banksFromQuestions(page.questions);
      const pageSims = page.simulations.map(({ id, topic }) => ({ id, topic }));
      for (let s = 0; s < 25; s++) {
        const seed = `paper-${s}`;
        expect(
          drawPaper(exam, idx.banks.get(exam.id)!, seed, idx.simulationRefs.get(exam.id)),
          `${exam.id} ${seed}`,
        ).toEqual(drawPaper(source, pageBanks, seed, pageSims));
      }
    }
  });
});
