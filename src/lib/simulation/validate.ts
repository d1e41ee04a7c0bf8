import { parse as parseYaml } from 'yaml';
import { fileId, formatIssues } from '../content/validate.ts';
import type { SourceFile, Validated } from '../content/validate.ts';
import { unknownPlaceholders } from '../scripts/placeholders.ts';
import type { PlaceholderValues } from '../scripts/placeholders.ts';
import { createJudgeContext, judgeReply } from './judge.ts';
import type { JudgePhrase } from '../phrases/judge-phrase.ts';
import { failureSummary } from './failure-summary.ts';
import { prepareSimulation } from './prepare.ts';
import { simulationSchema } from './schema.ts';
import { END, isChooseTurn, isReplyTurn } from './turns.ts';
import type { Simulation, SimulationTurn } from './schema.ts';
import { checkText as say } from '../../i18n/strings/content-check.ts';

/** What the simulation check needs from the rest of the content: policy anchors and the phrase list. */
export interface SimulationContext {
  policies: { id: string; anchors: string[] }[];
  phrases: { id: string; data: JudgePhrase }[];
  values: PlaceholderValues;
}

export interface SimulationReport {
  errors: string[];
  simulations: Validated<Simulation>[];
}

function turnNames(data: unknown, path: readonly PropertyKey[]): string | undefined {
  if (path[0] !== 'turns' || typeof path[1] !== 'number') return undefined;
  const turns = (data as { turns?: unknown } | null)?.turns;
  const turn = Array.isArray(turns) ? (turns[path[1]] as { id?: unknown } | undefined) : undefined;
  return say('check.sim.turnItem', { id: typeof turn?.id === 'string' ? turn.id : `#${path[1] + 1}` });
}

function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) value.forEach((v) => strings(v, out));
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => strings(v, out));
  return out;
}

/** Validates simulation files: schema, references, the branch graph, and every rubric against its own examples. */
export function validateSimulations(files: readonly SourceFile[], ctx: SimulationContext): SimulationReport {
  const errors: string[] = [];
  const simulations: Validated<Simulation>[] = [];
  const anchors = new Map(ctx.policies.map((p) => [p.id, new Set(p.anchors)]));
  const phraseIds = new Set(ctx.phrases.map((p) => p.id));
  const judgeCtx = createJudgeContext(ctx.phrases.map((p) => p.data));
  const seen = new Map<string, string>();

  for (const file of files) {
    let raw: unknown;
    try {
      raw = parseYaml(file.text, { version: '1.2' }) ?? {};
    } catch (e) {
      errors.push(say('check.file.yaml', { path: file.path, error: String((e as Error).message.split('\n')[0]) }));
      continue;
    }
    const parsed = simulationSchema.safeParse(raw);
    if (!parsed.success) {
      errors.push(...formatIssues(file.path, parsed.error, raw, turnNames));
      continue;
    }
    const sim = parsed.data;
    const before = errors.length;
    const whereSim = say('check.sim.where', { path: file.path, id: sim.id });
    const at = (turn?: SimulationTurn) =>
      turn ? say('check.sim.atTurn', { where: whereSim, turn: turn.id }) : whereSim;
    if (sim.id !== fileId(file.path)) {
      errors.push(say('check.file.idMismatch', { where: at(), field: 'id', value: sim.id, id: fileId(file.path) }));
    }
    const dup = seen.get(sim.id);
    if (dup) errors.push(say('check.sim.duplicate', { where: at(), first: dup }));
    seen.set(sim.id, file.path);

    const checkRef = (where: string, field: string, ref: string) => {
      const [policyId = '', anchor = ''] = ref.split('#');
      const known = anchors.get(policyId);
      if (!known) errors.push(say('check.ref.noPolicyFile', { where, field, policy: policyId }));
      else if (!known.has(anchor)) errors.push(say('check.ref.noAnchor', { where, field, policy: policyId, anchor }));
    };
    for (const name of new Set(strings(sim).flatMap(unknownPlaceholders))) {
      errors.push(say('check.sim.placeholder', { where: at(), name }));
    }
    sim.refs.forEach((ref, i) => checkRef(at(), `refs[${i}]`, ref));

    const index = new Map<string, number>();
    sim.turns.forEach((turn, i) => {
      if (index.has(turn.id)) errors.push(say('check.sim.duplicateTurn', { where: at(turn) }));
      else index.set(turn.id, i);
    });
    const targetOk = (turn: SimulationTurn, field: string, to: string) => {
      if (to === END) return;
      const j = index.get(to);
      if (j === undefined) errors.push(say('check.sim.noTarget', { where: at(turn), field, to }));
      else if (j <= sim.turns.indexOf(turn)) errors.push(say('check.sim.backward', { where: at(turn), field, to }));
    };

    sim.turns.forEach((turn) => {
      if (turn.next) targetOk(turn, 'next', turn.next);
      if (sim.pool === 'exam' && 'branches' in turn && turn.branches.length) {
        errors.push(say('check.sim.examBranches', { where: at(turn) }));
      }
      if (isChooseTurn(turn)) {
        const { options, key, ref } = turn.choose;
        if (key >= options.length)
          errors.push(say('check.sim.keyNotOption', { where: at(turn), key, n: options.length }));
        checkRef(at(turn), 'choose.ref', ref);
      }
      if ('branches' in turn) {
        const elementIds = isReplyTurn(turn) ? new Set(turn.reply.elements.map((e) => e.id)) : new Set<string>();
        turn.branches.forEach((b, i) => {
          targetOk(turn, `branches[${i}].to`, b.to);
          for (const id of [b.met, b.missed]) {
            if (id !== undefined && !elementIds.has(id))
              errors.push(say('check.sim.branchElement', { where: at(turn), i, id }));
          }
          if (b.forbidden !== undefined && !isReplyTurn(turn))
            errors.push(say('check.sim.branchForbidden', { where: at(turn), i }));
          if (b.choice !== undefined && (!isChooseTurn(turn) || b.choice >= turn.choose.options.length)) {
            errors.push(say('check.sim.branchChoice', { where: at(turn), i }));
          }
        });
      }
      if (!isReplyTurn(turn)) return;
      const rubric = turn.reply;
      const elementIds = new Set<string>();
      rubric.elements.forEach((el, i) => {
        if (elementIds.has(el.id)) errors.push(say('check.sim.duplicateElement', { where: at(turn), i, id: el.id }));
        elementIds.add(el.id);
        checkRef(at(turn), `reply.elements[${i}].ref`, el.ref);
      });
      rubric.order.forEach((o, i) => {
        for (const id of [o.before, o.after]) {
          if (!elementIds.has(id)) errors.push(say('check.sim.orderElement', { where: at(turn), i, id }));
        }
      });
      const source = rubric.model.source;
      if (source.kind === 'example') checkRef(at(turn), 'reply.model.source.rule', source.rule);
      rubric.bad.forEach((bad, i) => {
        if (bad.phrase !== undefined && !phraseIds.has(bad.phrase)) {
          errors.push(say('check.sim.noPhrase', { where: at(turn), i, phrase: bad.phrase }));
        }
      });
    });

    // Every turn can be reached from the first one.
    const reached = new Set<string>();
    const stack = [sim.turns[0]!.id];
    while (stack.length) {
      const id = stack.pop()!;
      const i = index.get(id);
      if (reached.has(id) || i === undefined) continue;
      reached.add(id);
      const turn = sim.turns[i]!;
      stack.push(turn.next ?? sim.turns[i + 1]?.id ?? END);
      if ('branches' in turn) stack.push(...turn.branches.map((b) => b.to));
    }
    for (const turn of sim.turns)
      if (!reached.has(turn.id)) errors.push(say('check.sim.unreachable', { where: at(turn) }));
    if (!sim.turns.some((t) => isReplyTurn(t) || isChooseTurn(t)))
      errors.push(say('check.sim.noAnswerTurn', { where: at() }));
    if (errors.length > before) continue;

    // The rubric tested by its own examples: the model answer passes with full marks, every bad reply fails.
    const prepared = prepareSimulation(sim, ctx.values);
    for (const turn of prepared.turns) {
      if (!isReplyTurn(turn)) continue;
      const model = judgeReply(turn, turn.reply.model.text, judgeCtx, sim.passMark);
      if (!model.passed || model.score < model.max || model.forbidden.length || model.orderBroken.length) {
        errors.push(say('check.sim.modelFails', { where: at(turn), summary: failureSummary(model) }));
      }
      if (judgeReply(turn, turn.task, judgeCtx, sim.passMark).passed) {
        errors.push(say('check.sim.taskPasses', { where: at(turn) }));
      }
      turn.reply.bad.forEach((bad, i) => {
        const j = judgeReply(turn, bad.text, judgeCtx, sim.passMark);
        if (j.passed)
          errors.push(say('check.sim.badPasses', { where: at(turn), i, text: bad.text, score: j.score, max: j.max }));
        if (
          bad.phrase &&
          phraseIds.has(bad.phrase) &&
          !j.forbidden.some((f) => f.source === 'phrase' && f.id.split(' ').includes(bad.phrase!))
        ) {
          errors.push(say('check.sim.badPhraseMissed', { where: at(turn), i, phrase: bad.phrase }));
        }
      });
    }
    if (errors.length === before) simulations.push({ path: file.path, id: sim.id, data: sim });
  }
  return { errors, simulations };
}
