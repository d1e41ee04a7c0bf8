import { describe, expect, it } from 'vitest';
import { buildQuickIndex, splitPreview } from '../../src/lib/search/quick-index.ts';
import { coreOf, createQuickSearcher } from '../../src/lib/search/quick-search.ts';
import { queryIntent } from '../../src/lib/search/intent.ts';
import { nearPrefix, oneCharOff, oneEdit } from '../../src/lib/search/typo.ts';
import { sectionPassages } from '../../src/lib/search/section-passages.ts';
import type { PhraseData, ScriptData } from '../../src/lib/content/schema.ts';

const values = { company: 'C', center: 'X中心', hotline: 'X热线', hotlineNumber: '400', agentNo: '××' };
const script = (id: string, title: string, keywords: string[], lines: string[], extra: object = {}) => ({
  id,
  data: {
    id,
    title,
    stage: 'during',
    scenario: '场景',
    lines,
    avoid: [],
    keywords,
    policy: 'p',
    owner: 'trainer',
    reviewBy: new Date('2027-05-31'),
    source: { kind: 'example', rule: 'p#a' },
    ...extra,
  } as ScriptData,
});
const phrase = (id: string, text: string, variants: string[], instead: string[]) => ({
  id,
  data: { id, phrase: text, variants, why: '因为', instead, policy: 'p', severity: 'high' } as PhraseData,
});

const index = buildQuickIndex(
  {
    scripts: [
      script('calm', '客户情绪激动', ['骂人', '发火'], ['您先别着急。']),
      script('slow', '客户嫌查询慢', ['太慢了'], ['让您久等了。'], {
        source: { kind: 'original', document: '服务规范', section: '3.2' },
      }),
    ],
    phrases: [phrase('bzd', '不知道', ['不晓得'], ['请稍等，正在为您查询。', '我帮您记录下来。'])],
    sections: [
      {
        policyId: 'rules',
        policyTitle: '服务规范',
        heading: '骂人的处理规定',
        anchor: 'ma-ren',
        firstLine: '客户骂人时……',
        terms: ['人工15秒接通率'],
        lines: ['客户骂人时不与客户争执。'],
      },
    ],
    placeholders: values,
  },
  'test',
);
const searcher = createQuickSearcher(index);
const urls = (q: string) => searcher.search(q, 5).map((h) => h.entry.url);

describe('quick search rules', () => {
  it('ranks a script above a policy section for a how-to-say query', () => {
    expect(urls('客户骂人怎么办')[0]).toBe('/scripts/calm/');
    expect(urls('骂人')[0]).toBe('/scripts/calm/');
  });

  it('removes filler words from a sentence before matching', () => {
    expect(coreOf('客户在骂我')).toBe('骂');
    expect(urls('客户在骂我')[0]).toBe('/scripts/calm/');
  });

  it('finds initials from the middle of a title and of a table cell', () => {
    expect(urls('cxm')[0]).toBe('/scripts/slow/');
    expect(urls('jtl')[0]).toBe('/policies/rules/#ma-ren');
  });

  it('finds a forbidden phrase by what not to say and by what to say instead', () => {
    expect(urls('不晓得')[0]).toBe('/phrases/#bzd');
    expect(urls('正在为您查询')).toContain('/phrases/#bzd');
  });

  it('tolerates one slip in pinyin or one wrong character', () => {
    expect(urls('marne')[0]).toBe('/scripts/calm/');
    expect(urls('情绪激东')[0]).toBe('/scripts/calm/');
  });

  it('carries every alternative and each entry’s provenance', () => {
    const bzd = index.entries.find((e) => e.url === '/phrases/#bzd')!;
    expect(bzd.alts).toEqual(['请稍等，正在为您查询。', '我帮您记录下来。']);
    expect(index.entries.find((e) => e.url === '/scripts/slow/')?.source).toEqual({
      kind: 'original',
      document: '服务规范',
      section: '3.2',
    });
    expect(index.entries.find((e) => e.url === '/scripts/calm/')?.source).toEqual({ kind: 'example', rule: 'p#a' });
  });

  it('ships the preview passages separately from the index', () => {
    const { index: shipped, preview } = splitPreview(index);
    expect(shipped.entries.every((e) => e.lines === undefined)).toBe(true);
    expect(preview['/policies/rules/#ma-ren']).toEqual(['客户骂人时不与客户争执。']);
  });

  it('returns nothing for empty or punctuation-only queries', () => {
    expect(searcher.search('')).toEqual([]);
    expect(searcher.search('，。！')).toEqual([]);
  });

  it('reads intent from the words agents use', () => {
    expect(queryIntent('客户骂人怎么办')).toBe('say');
    expect(queryIntent('15秒接通率标准')).toBe('know');
    expect(queryIntent('免提')).toBe('any');
  });
});

describe('typo tests', () => {
  it('accepts exactly one edit', () => {
    expect(oneEdit('shaodneg', 'shaodeng')).toBe(true);
    expect(oneEdit('miantii', 'mianti')).toBe(true);
    expect(oneEdit('abc', 'abc')).toBe(false);
    expect(oneEdit('abcd', 'badc')).toBe(false);
    expect(nearPrefix('wushengdainhua', 'wushengdianhua')).toBe(true);
    expect(oneCharOff('无声电化', '无声电话')).toBe(true);
    expect(oneCharOff('无声', '有声')).toBe(false);
  });
});

describe('section passages', () => {
  it('keys each heading by its rendered anchor and reads tables as lines', () => {
    const passages = sectionPassages(
      '## 指标\n\n| 指标 | 标准 |\n| --- | --- |\n| 接通率 | 95% |\n\n## 其他\n- **加粗**条目\n',
    );
    expect(passages.get('zhi-biao')).toEqual(['指标 · 标准', '接通率 · 95%']);
    expect(passages.get('qi-ta')).toEqual(['加粗条目']);
  });
});

describe('blanks filled before copying', () => {
  it('finds ……, ×× and unfilled {…} blanks in order and fills them', async () => {
    const { fillSlots, slotCount } = await import('../../src/lib/search/slots.ts');
    const text = '您好，我是××号，关于您反映的……问题，会在……内回复{note}。';
    expect(slotCount(text)).toBe(4);
    expect(fillSlots(text, ['1024', '退款', '24 小时', '谢谢'])).toBe(
      '您好，我是1024号，关于您反映的退款问题，会在24 小时内回复谢谢。',
    );
    expect(fillSlots(text, ['1024'])).toBe('您好，我是1024号，关于您反映的……问题，会在……内回复{note}。');
    expect(slotCount('请稍等，正在为您查询。')).toBe(0);
  });
});
