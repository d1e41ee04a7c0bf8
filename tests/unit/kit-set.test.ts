import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EARLIER_KITS_DIR, KIT_DIR, KIT_PATH, keepEarlierKit } from '../../tools/trainer-kit-files.ts';
import { gradeAll, isCounted } from '../../src/lib/grading/board.ts';
import { addProgressText, emptyIntake, mergedLearners } from '../../src/lib/grading/intake.ts';
import { indexKit } from '../../src/lib/grading/kit.ts';
import type { KitIndex, TrainerKit } from '../../src/lib/grading/kit.ts';
import { addKit, kitFor, versionsOnlyIn } from '../../src/lib/grading/kit-set.ts';
import { drawPaper } from '../../src/lib/quiz/draw.ts';
import type { Attempt } from '../../src/lib/progress/schema.ts';
import { fileText, index, kit, modelTranscript, monthly, submitted } from '../fixtures/grading.ts';

const zhang = { employeeId: 'E1001', name: '张三' };

/** The kit of an earlier build, when the monthly exam still had its earlier version. */
const earlierKit: TrainerKit = {
  ...kit,
  builtAt: '2026-11-02T00:00:00.000Z',
  exams: kit.exams.map((e) => (e.id === monthly.id ? { ...e, version: `${e.version}-earlier` } : e)),
};
const earlier = indexKit(earlierKit);

/** A submitted attempt with every question of the earlier version's paper answered right. */
function onEarlierVersion(seed: string): Attempt {
  const exam = earlier.exams.get(monthly.id)!;
  const paper = drawPaper(exam, earlier.banks.get(monthly.id)!, seed, earlier.simulationRefs.get(monthly.id));
  const base = submitted(zhang, monthly.id, seed);
  const responses = Object.fromEntries(paper.questions.map((q) => [q.id, earlier.questions.get(q.id)!.answer]));
  const simulations = (paper.simulations ?? []).map(modelTranscript);
  return { ...base, examVersion: exam.version, responses, simulations };
}

async function graded(attempts: Attempt[], kits: KitIndex[]) {
  const intake = emptyIntake();
  await addProgressText(intake, 'p.json', fileText(zhang, attempts));
  return gradeAll(mergedLearners(intake), kits, new Map())[0]!.grades;
}

describe('several trainer kits at once', () => {
  it('grades an attempt on an earlier exam version against the earlier kit, whatever order the kits came in', async () => {
    const attempt = onEarlierVersion('earlier-1');
    const [alone] = await graded([attempt], [index]);
    expect(alone!.reasons.map((r) => r.code)).toEqual(['version']);
    for (const kits of [addKit(addKit([], index), earlier), addKit(addKit([], earlier), index)]) {
      const [g] = await graded([attempt], kits);
      expect(g!.reasons).toEqual([]);
      expect(isCounted(g!) && g.result.theory.percent).toBe(100);
      expect(g!.exam?.version).toBe(attempt.examVersion);
    }
  });

  it('keeps kits newest first, the same build once; picks the kit with the exam version, else the newest with the exam', () => {
    const kits = addKit(addKit(addKit([], earlier), index), indexKit(kit));
    expect(kits.map((k) => k.kit.builtAt)).toEqual([kit.builtAt, earlierKit.builtAt]);
    expect(kitFor(kits, monthly.id, monthly.version)?.kit.builtAt).toBe(kit.builtAt);
    expect(kitFor(kits, monthly.id, `${monthly.version}-earlier`)?.kit.builtAt).toBe(earlierKit.builtAt);
    expect(kitFor(kits, monthly.id, 'never-built')?.kit.builtAt).toBe(kit.builtAt);
    expect(kitFor([], monthly.id, monthly.version)).toBeUndefined();
  });

  it('an earlier kit is worth keeping only when it grades versions the new one does not', () => {
    expect(versionsOnlyIn(earlierKit, kit)).toEqual([`${monthly.id} ${monthly.version}-earlier`]);
    expect(versionsOnlyIn(kit, kit)).toEqual([]);
  });
});

describe('a rebuild never loses a trainer kit', () => {
  const withKit = (text: string) => {
    const root = mkdtempSync(join(tmpdir(), 'kit-'));
    mkdirSync(join(root, KIT_DIR));
    writeFileSync(join(root, KIT_PATH), text);
    return root;
  };
  const earlierFiles = (root: string) =>
    existsSync(join(root, EARLIER_KITS_DIR)) ? readdirSync(join(root, EARLIER_KITS_DIR)) : [];

  it('keeps a kit that grades versions the new one lacks, and never overwrites an earlier copy', () => {
    const root = withKit(JSON.stringify(earlierKit));
    expect(keepEarlierKit(kit, root)).toContain(`${monthly.id} ${monthly.version}-earlier`);
    writeFileSync(join(root, KIT_PATH), JSON.stringify(earlierKit));
    keepEarlierKit(kit, root);
    const kept = earlierFiles(root);
    expect(kept).toHaveLength(2);
    for (const f of kept)
      expect(readFileSync(join(root, EARLIER_KITS_DIR, f), 'utf8')).toBe(JSON.stringify(earlierKit));
    expect(existsSync(join(root, KIT_PATH))).toBe(false);
  });

  it('replaces a kit that grades nothing the new one does not', () => {
    const root = withKit(JSON.stringify(kit));
    expect(keepEarlierKit(kit, root)).toBeUndefined();
    expect(earlierFiles(root)).toEqual([]);
  });

  it('moves a kit it cannot read aside, as it was, and says why in Chinese', () => {
    const root = withKit('{ not json');
    expect(keepEarlierKit(kit, root)).toMatch(/读不出来（评分包不是有效的 JSON/);
    const [kept] = earlierFiles(root);
    expect(readFileSync(join(root, EARLIER_KITS_DIR, kept!), 'utf8')).toBe('{ not json');
  });
});
