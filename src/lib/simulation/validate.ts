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
  return `轮次 ${typeof turn?.id === 'string' ? turn.id : `#${path[1] + 1}`}`;
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
      errors.push(`${file.path}: YAML 无法解析：${(e as Error).message.split('\n')[0]}`);
      continue;
    }
    const parsed = simulationSchema.safeParse(raw);
    if (!parsed.success) {
      errors.push(...formatIssues(file.path, parsed.error, raw, turnNames));
      continue;
    }
    const sim = parsed.data;
    const before = errors.length;
    const at = (turn?: SimulationTurn) => `${file.path}: 实操 ${sim.id}${turn ? ` 轮次 ${turn.id}` : ''}`;
    if (sim.id !== fileId(file.path)) errors.push(`${at()}: 字段 id: “${sim.id}”应与文件名“${fileId(file.path)}”一致`);
    const dup = seen.get(sim.id);
    if (dup) errors.push(`${at()}: id 重复（${dup} 里已有）`);
    seen.set(sim.id, file.path);

    const checkRef = (where: string, field: string, ref: string) => {
      const [policyId = '', anchor = ''] = ref.split('#');
      const known = anchors.get(policyId);
      if (!known) errors.push(`${where}: 字段 ${field}: 制度“${policyId}”不存在（content/policies/${policyId}.mdx）`);
      else if (!known.has(anchor))
        errors.push(`${where}: 字段 ${field}: 制度“${policyId}”中没有小标题锚点“#${anchor}”`);
    };
    for (const name of new Set(strings(sim).flatMap(unknownPlaceholders))) {
      errors.push(`${at()}: 未知占位符 {${name}}`);
    }
    sim.refs.forEach((ref, i) => checkRef(at(), `refs[${i}]`, ref));

    const index = new Map<string, number>();
    sim.turns.forEach((turn, i) => {
      if (index.has(turn.id)) errors.push(`${at(turn)}: 轮次 id 重复`);
      else index.set(turn.id, i);
    });
    const targetOk = (turn: SimulationTurn, field: string, to: string) => {
      if (to === END) return;
      const j = index.get(to);
      if (j === undefined) errors.push(`${at(turn)}: 字段 ${field}: 去向“${to}”不存在（应为后面某一轮的 id 或 end）`);
      else if (j <= sim.turns.indexOf(turn))
        errors.push(`${at(turn)}: 字段 ${field}: 去向“${to}”不在本轮之后（通话只能向后进行）`);
    };

    sim.turns.forEach((turn) => {
      if (turn.next) targetOk(turn, 'next', turn.next);
      if (sim.pool === 'exam' && 'branches' in turn && turn.branches.length) {
        errors.push(`${at(turn)}: 字段 branches: 考试用实操（pool: exam）只按 next 进行，不能按回复内容分支`);
      }
      if (isChooseTurn(turn)) {
        const { options, key, ref } = turn.choose;
        if (key >= options.length)
          errors.push(`${at(turn)}: 字段 choose.key: ${key} 不是选项（共 ${options.length} 个，从 0 数起）`);
        checkRef(at(turn), 'choose.ref', ref);
      }
      if ('branches' in turn) {
        const elementIds = isReplyTurn(turn) ? new Set(turn.reply.elements.map((e) => e.id)) : new Set<string>();
        turn.branches.forEach((b, i) => {
          targetOk(turn, `branches[${i}].to`, b.to);
          for (const id of [b.met, b.missed]) {
            if (id !== undefined && !elementIds.has(id))
              errors.push(`${at(turn)}: 字段 branches[${i}]: 要点“${id}”不在本轮评分标准中`);
          }
          if (b.forbidden !== undefined && !isReplyTurn(turn))
            errors.push(`${at(turn)}: 字段 branches[${i}]: forbidden 条件只用于回复轮次`);
          if (b.choice !== undefined && (!isChooseTurn(turn) || b.choice >= turn.choose.options.length)) {
            errors.push(`${at(turn)}: 字段 branches[${i}].choice: 不是本轮的选项`);
          }
        });
      }
      if (!isReplyTurn(turn)) return;
      const rubric = turn.reply;
      const elementIds = new Set<string>();
      rubric.elements.forEach((el, i) => {
        if (elementIds.has(el.id)) errors.push(`${at(turn)}: 字段 reply.elements[${i}].id: 要点 id“${el.id}”重复`);
        elementIds.add(el.id);
        checkRef(at(turn), `reply.elements[${i}].ref`, el.ref);
      });
      rubric.order.forEach((o, i) => {
        for (const id of [o.before, o.after]) {
          if (!elementIds.has(id)) errors.push(`${at(turn)}: 字段 reply.order[${i}]: 要点“${id}”不在本轮评分标准中`);
        }
      });
      const source = rubric.model.source;
      if (source.kind === 'example') checkRef(at(turn), 'reply.model.source.rule', source.rule);
      rubric.bad.forEach((bad, i) => {
        if (bad.phrase !== undefined && !phraseIds.has(bad.phrase)) {
          errors.push(
            `${at(turn)}: 字段 reply.bad[${i}].phrase: 忌语“${bad.phrase}”不存在（content/phrases/${bad.phrase}.yaml）`,
          );
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
    for (const turn of sim.turns) if (!reached.has(turn.id)) errors.push(`${at(turn)}: 从第一轮出发无法到达这一轮`);
    if (!sim.turns.some((t) => isReplyTurn(t) || isChooseTurn(t))) errors.push(`${at()}: 没有需要学员作答的轮次`);
    if (errors.length > before) continue;

    // The rubric tested by its own examples: the model answer passes with full marks, every bad reply fails.
    const prepared = prepareSimulation(sim, ctx.values);
    for (const turn of prepared.turns) {
      if (!isReplyTurn(turn)) continue;
      const model = judgeReply(turn, turn.reply.model.text, judgeCtx, sim.passMark);
      if (!model.passed || model.score < model.max || model.forbidden.length || model.orderBroken.length) {
        errors.push(`${at(turn)}: 模范回答没有通过本轮评分标准（${failureSummary(model)}）`);
      }
      if (judgeReply(turn, turn.task, judgeCtx, sim.passMark).passed) {
        errors.push(`${at(turn)}: 照抄任务说明 task 就能通过评分标准：task 只说要做什么，不要写出要说的原话`);
      }
      turn.reply.bad.forEach((bad, i) => {
        const j = judgeReply(turn, bad.text, judgeCtx, sim.passMark);
        if (j.passed)
          errors.push(
            `${at(turn)}: 反面示例 bad[${i}]“${bad.text}”竟然通过了评分标准（${j.score}/${j.max}）：请收紧评分标准`,
          );
        if (
          bad.phrase &&
          phraseIds.has(bad.phrase) &&
          !j.forbidden.some((f) => f.source === 'phrase' && f.id.split(' ').includes(bad.phrase!))
        ) {
          errors.push(`${at(turn)}: 反面示例 bad[${i}]: 忌语检查没有在其中发现忌语“${bad.phrase}”`);
        }
      });
    }
    if (errors.length === before) simulations.push({ path: file.path, id: sim.id, data: sim });
  }
  return { errors, simulations };
}
