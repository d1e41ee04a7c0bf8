import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateContent } from '../../src/lib/content/validate.ts';
import type { SourceFile } from '../../src/lib/content/validate.ts';
import { loadContent } from '../../src/lib/content/load-content.ts';
import { hardCodedHotline, unmatchedLine, unsupportedNumbers } from '../../src/lib/content/wording.ts';
import { placeholderValues } from '../../src/site.config.ts';

const read = (path: string, as = path): SourceFile => ({ path: as, text: readFileSync(path, 'utf8') });
const policy = read('tests/fixtures/policies/valid.mdx');
const yaml = (path: string, text: string): SourceFile => ({ path, text });
const real = loadContent();

const script = (lines: string[], source: string) =>
  yaml(
    'content/scripts/s.yaml',
    `id: s\ntitle: 问候\nstage: opening\nscenario: 接起电话时。\nlines:\n${lines.map((l) => `  - "${l}"`).join('\n')}\npolicy: valid\nowner: trainer\nreviewBy: 2027-05-31\nsource:\n${source}\n`,
  );
const original = (quote: string) =>
  `  kind: original\n  document: 销售中心400呼叫客服业务外包管理操作指引\n  section: 第三节 3.2 服务用语\n  quote: "${quote}"`;

describe('one mistake gives one error', () => {
  it('a policy that fails to load is not reported again by the scripts, questions and flows that cite it', () => {
    const report = validateContent({
      policies: [read('tests/fixtures/policies/bad-date.mdx', 'content/policies/kpi.mdx')],
      scripts: [
        yaml(
          'content/scripts/s.yaml',
          'id: s\ntitle: 甲\nstage: opening\nscenario: 甲。\nlines: [您好]\npolicy: kpi\nowner: trainer\nreviewBy: 2027-05-31\nsource: { kind: example, rule: kpi#bao-mi-fan-wei }\n',
        ),
      ],
      phrases: [],
      banks: [
        yaml(
          'quizzes/banks/kpi.yaml',
          'topic: kpi\ntitle: 甲\nquestions:\n  - { id: k-1, type: truefalse, stem: 甲, answer: true, explanation: 甲, ref: "kpi#bao-mi-fan-wei", difficulty: 1, source: { kind: example, rule: "kpi#bao-mi-fan-wei" } }\n',
        ),
      ],
    });
    expect(report.errors).toHaveLength(1);
    expect(report.errors[0]).toContain('content/policies/kpi.mdx: 字段 updated');
  });

  it('a bad answer index fails its bank once; the exams drawing from that bank add nothing', () => {
    const bank = readFileSync('tests/fixtures/quiz/answer-not-option.yaml', 'utf8').replace(
      'topic: answer-not-option',
      'topic: good',
    );
    const exam = readFileSync('tests/fixtures/quiz/exam-good.yaml', 'utf8');
    const report = validateContent({
      policies: [policy],
      scripts: [],
      phrases: [],
      banks: [yaml('quizzes/banks/good.yaml', bank)],
      exams: ['a', 'b', 'c'].map((id) =>
        yaml(`quizzes/exams/exam-${id}.yaml`, exam.replace('id: exam-good', `id: exam-${id}`)),
      ),
    });
    expect(report.errors).toHaveLength(1);
    expect(report.errors[0]).toContain('答案 3 不是选项');
  });
});

describe('provenance', () => {
  it('every script, phrase and flow step says where its wording comes from (the schema requires it)', () => {
    const report = validateContent({
      policies: [policy],
      scripts: [
        yaml(
          'content/scripts/s.yaml',
          'id: s\ntitle: 甲\nstage: opening\nscenario: 甲。\nlines: [您好]\npolicy: valid\nowner: trainer\nreviewBy: 2027-05-31\n',
        ),
      ],
      phrases: [],
    });
    expect(report.errors).toEqual([expect.stringContaining('字段 source: 缺少来源 source')]);
  });

  it('every script and phrase marked 制度原文 matches the excerpt it cites', () => {
    expect(real.errors).toEqual([]);
    const originals = [
      ...real.scripts.map((s) => ({ id: s.id, source: s.data.source, lines: s.data.lines })),
      ...real.phrases.map((p) => ({ id: p.id, source: p.data.source, lines: [p.data.phrase] })),
    ].filter((e) => e.source.kind === 'original');
    expect(originals.length).toBeGreaterThan(0);
    for (const e of originals) {
      if (e.source.kind !== 'original') continue;
      expect(e.source.quote, e.id).toBeTruthy();
      expect(unmatchedLine(e.lines, e.source.quote ?? ''), e.id).toBeUndefined();
    }
  });

  it('a script marked 制度原文 whose wording is not in the cited text fails, naming the line', () => {
    const ok = script(['您好，{hotline}，有什么可以帮到您？'], original('您好，{hotline}，有什么可以帮到您。'));
    expect(validateContent({ policies: [policy], scripts: [ok], phrases: [] }).errors).toEqual([]);
    const made = script(['爱找谁找谁。'], original('您好，{hotline}，有什么可以帮到您。'));
    expect(validateContent({ policies: [policy], scripts: [made], phrases: [] }).errors).toEqual([
      expect.stringContaining('“爱找谁找谁。”与所引《销售中心400呼叫客服业务外包管理操作指引》的原话不符'),
    ]);
  });

  it('a 参考示例 must name a rule that exists', () => {
    const bad = script(['您好。'], '  kind: example\n  rule: valid#no-such-heading');
    expect(validateContent({ policies: [policy], scripts: [bad], phrases: [] }).errors).toEqual([
      expect.stringContaining('没有小标题锚点“#no-such-heading”'),
    ]);
  });

  it('matching ignores punctuation, fill-in slots and editor notes, and reads 你 as 您', () => {
    expect(
      unmatchedLine(
        ['您好，我是××（{center}{agentNo}号），请问您是××先生/小姐吗？'],
        '你好,我是某某,请问你是某某先生/小姐吗?',
      ),
    ).toBeUndefined();
    expect(unmatchedLine(['感谢您的答复'], '感谢你的答复〔原文误作“大幅”〕')).toBeUndefined();
    expect(unmatchedLine(['请问是××先生吗', '我保证'], '请问是某某先生吗')).toBe('我保证');
  });
});

describe('rules that keep content in its own context', () => {
  it('no flow step states a number its cited section does not (the 1-hour rule stays in leave and attendance)', () => {
    expect(unsupportedNumbers('紧急情况在 1 小时内电话通知部门经理。', '遇有紧急情况可以越级报告，事后汇报。')).toEqual(
      ['1小时'],
    );
    const flow = readFileSync('tests/fixtures/flows/valid.yaml', 'utf8').replace(
      'do: [耐心解释。]',
      'do: [紧急情况 1 小时内电话通知部门经理。]',
    );
    const report = validateContent({
      policies: [policy],
      scripts: [read('tests/fixtures/flow-scripts/greeting.yaml')],
      phrases: [],
      flows: [yaml('content/flows/valid.yaml', flow)],
    });
    expect(report.errors).toEqual([
      expect.stringContaining('步骤 explain: “1小时”不在所依据的 valid#bao-mi-fan-wei 中'),
    ]);
  });

  it('no content hard-codes the hotline: scripts use {hotline}, policies <Hotline />', () => {
    const hotline = { name: placeholderValues.hotline, number: placeholderValues.hotlineNumber };
    expect(hardCodedHotline(`感谢您致电${placeholderValues.hotline}`, hotline)).toBeDefined();
    expect(hardCodedHotline('说："您好，本公司服务热线，有什么可以帮到您？"', hotline)).toBeDefined();
    expect(hardCodedHotline('说："您好，<Hotline />，有什么可以帮到您？"', hotline)).toBeUndefined();
    expect(hardCodedHotline('“服务热线电话呼入考核项”', hotline)).toBeUndefined();
    const typed = script(
      [`感谢您致电${placeholderValues.hotline}，再见！`],
      '  kind: example\n  rule: valid#bao-mi-fan-wei',
    );
    expect(validateContent({ policies: [policy], scripts: [typed], phrases: [] }).errors).toEqual([
      expect.stringContaining('请写 {hotline}'),
    ]);
  });
});
