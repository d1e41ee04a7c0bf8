import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/lib/content/load-content.ts';
import { loadSimulations } from '../../src/lib/simulation/load.ts';
import { createJudgeContext, judgeReply, judgeSimulation } from '../../src/lib/simulation/judge.ts';
import { prepareSimulation } from '../../src/lib/simulation/prepare.ts';
import { failureSummary } from '../../src/lib/simulation/failure-summary.ts';
import { isChooseTurn, isReplyTurn, simulationTopics } from '../../src/lib/simulation/schema.ts';
import { placeholderValues } from '../../src/site.config.ts';
import { fillPlaceholders } from '../../src/lib/scripts/placeholders.ts';
import type { SimulationRecord } from '../../src/lib/progress/schema.ts';
import { goodReplies } from '../fixtures/simulations/good-replies.ts';

const content = loadContent('.');
const report = loadSimulations('.', content);
const ctx = createJudgeContext(content.phrases.map((p) => p.data));
const sims = report.simulations.map((s) => prepareSimulation(s.data, placeholderValues));

describe('the simulations in quizzes/simulations', () => {
  it('build without errors', () => {
    expect(report.errors).toEqual([]);
    expect(report.simulations.length).toBeGreaterThan(0);
  });

  it('each belong to a bank topic that exists', () => {
    const banks = new Set(content.banks.map((b) => b.data.topic));
    for (const sim of sims) {
      expect(simulationTopics).toContain(sim.topic);
      expect(banks.has(sim.topic), sim.id).toBe(true);
    }
  });

  for (const sim of sims) {
    describe(sim.id, () => {
      const replyTurns = sim.turns.filter(isReplyTurn);
      it('every model answer earns full marks and every known-bad reply fails', () => {
        for (const turn of replyTurns) {
          const model = judgeReply(turn, turn.reply.model.text, ctx, sim.passMark);
          expect(model.score, `${turn.id}: ${failureSummary(model)}`).toBe(model.max);
          expect(model.passed).toBe(true);
          for (const bad of turn.reply.bad)
            expect(judgeReply(turn, bad.text, ctx, sim.passMark).passed, bad.text).toBe(false);
        }
      });

      it('passes at least two good replies in other words on every reply turn', () => {
        for (const turn of replyTurns) {
          const replies = goodReplies[sim.id]?.[turn.id] ?? [];
          expect(replies.length, `${sim.id} ${turn.id} needs good replies in tests/fixtures`).toBeGreaterThanOrEqual(2);
          for (const raw of replies) {
            const reply = fillPlaceholders(raw, placeholderValues);
            expect(reply).not.toBe(turn.reply.model.text);
            const j = judgeReply(turn, reply, ctx, sim.passMark);
            expect(j.passed, `${turn.id}「${reply}」: ${failureSummary(j)}`).toBe(true);
          }
        }
      });

      it('never passes a pasted list of every script, or every accepted phrasing piled up', () => {
        const everyScript = content.scripts
          .flatMap((x) => x.data.lines.map((l) => fillPlaceholders(l, placeholderValues)))
          .join('');
        for (const turn of replyTurns) {
          expect(judgeReply(turn, everyScript, ctx, sim.passMark).passed, turn.id).toBe(false);
          const pile = turn.reply.elements.flatMap((e) => e.accept.map((a) => a.replace(/…/g, ''))).join('');
          expect(judgeReply(turn, pile, ctx, sim.passMark).passed, `${turn.id}: ${pile}`).toBe(false);
        }
      });

      it('a learner who gives the model answers and the keyed choices passes the whole call', () => {
        const transcript: SimulationRecord = {
          simulationId: sim.id,
          turns: sim.turns.flatMap((t): SimulationRecord['turns'] =>
            isReplyTurn(t)
              ? [{ turnId: t.id, reply: t.reply.model.text }]
              : isChooseTurn(t)
                ? [{ turnId: t.id, choice: t.choose.key }]
                : [],
          ),
        };
        const result = judgeSimulation(sim, transcript, ctx);
        expect(result.passed).toBe(true);
        expect(result.percent).toBe(100);
        // A silent learner (every reply empty, no choice) fails.
        expect(judgeSimulation(sim, { simulationId: sim.id, turns: [] }, ctx).passed).toBe(false);
      });
    });
  }
});
