import { describe, expect, it } from 'vitest';
import { createPhraseChecker, flaggedPhraseIds, replaceHit, segmentDraft } from '../../src/lib/phrases/check.ts';
import { loadContent } from '../../src/lib/content/load-content.ts';

const phrases = [
  { id: 'bu-zhi-dao', phrase: '不知道', variants: ['不晓得'], instead: ['请稍等，正在为您查询。'] },
  { id: 'wo-ye-bu-zhi-dao', phrase: '我也不知道', variants: [], instead: ['我马上帮您查询。'] },
  { id: 'dan-shi', phrase: '但是', variants: [], instead: ['因为……所以……'] },
  { id: 'ok', phrase: 'OK', variants: [], instead: ['好的'] },
];
const checker = createPhraseChecker(phrases);
const flagged = (text: string) => checker.check(text).map((h) => text.slice(h.start, h.end));

describe('phrase checker', () => {
  it('marks a phrase in place with its offsets', () => {
    const text = '您好，这个我不晓得。';
    const [hit] = checker.check(text);
    expect(hit).toEqual({ start: 6, end: 9, phraseIds: ['bu-zhi-dao'] });
  });

  it('names only the longer phrase when one lies inside another, so each is listed once', () => {
    const hits = checker.check('这个我也不知道啊');
    expect(hits).toHaveLength(1);
    expect(hits[0]?.phraseIds).toEqual(['wo-ye-bu-zhi-dao']);
    expect(flagged('这个我也不知道啊')).toEqual(['我也不知道']);
    expect(flaggedPhraseIds(checker.check('我也不知道，真不知道'))).toEqual(['wo-ye-bu-zhi-dao', 'bu-zhi-dao']);
  });

  it('keeps touching hits apart', () => {
    expect(flagged('不知道但是')).toEqual(['不知道', '但是']);
    expect(checker.check('不知道但是')).toHaveLength(2);
  });

  it('catches polite and regional forms of a listed phrase', () => {
    const polite = createPhraseChecker([
      { id: 'ting', phrase: '你听明白了没有', variants: [], instead: ['请问我解释清楚了吗？'] },
      { id: 'zen', phrase: '你怎么不早说', variants: [], instead: ['好的'] },
    ]);
    const hits = (t: string) => polite.check(t).map((h) => t.slice(h.start, h.end));
    expect(hits('您听明白了没有？')).toEqual(['您听明白了没有']);
    expect(hits('你听明白了没？')).toEqual(['你听明白了没']);
    expect(hits('你咋不早说')).toEqual(['你咋不早说']);
    expect(flagged('这个我不晓得')).toEqual(['不晓得']);
  });

  it('replaces one flagged span with an alternative and leaves the rest', () => {
    const text = '您好，这个我不知道。';
    const [hit] = checker.check(text);
    expect(replaceHit(text, hit!, '请稍等，正在为您查询')).toBe('您好，这个我请稍等，正在为您查询。');
  });

  it('marks every repetition', () => {
    expect(flagged('不知道，不知道，真的不知道')).toEqual(['不知道', '不知道', '不知道']);
  });

  it('folds full-width letters and ignores spaces inside a phrase, but not punctuation', () => {
    expect(flagged('ＯＫ，没问题')).toEqual(['ＯＫ']);
    expect(flagged('我 不 知道')).toEqual(['不 知道']);
    expect(flagged('不，知道了')).toEqual([]);
  });

  it('keeps surrogate pairs and emoji intact in offsets', () => {
    const text = '😀😀但是🙂';
    expect(flagged(text)).toEqual(['但是']);
    expect(segmentDraft(text, checker.check(text)).map((s) => s.text)).toEqual(['😀😀', '但是', '🙂']);
  });

  it('segments rebuild the original text exactly', () => {
    const text = '但是我也不知道，OK？';
    expect(
      segmentDraft(text, checker.check(text))
        .map((s) => s.text)
        .join(''),
    ).toBe(text);
  });

  it('returns nothing for a clean reply or empty text', () => {
    expect(checker.check('您好，请问有什么可以帮您？')).toEqual([]);
    expect(checker.check('')).toEqual([]);
  });

  it('flags no prescribed script wording with the real phrase list', () => {
    const report = loadContent();
    const real = createPhraseChecker(report.phrases.map((p) => p.data));
    const problems = report.scripts.flatMap((s) =>
      s.data.lines.flatMap((line) => real.check(line).map((h) => `${s.id}: ${line.slice(h.start, h.end)}`)),
    );
    expect(problems).toEqual([]);
  });

  // Its speed (target: under 10 ms) is measured by `npm run bench`, not asserted here.
  it('finds every occurrence in a 10,000-character draft', () => {
    const sentence = '您好，这个问题我不知道，但是我可以帮您查询一下。';
    const text = sentence.repeat(Math.ceil(10_000 / sentence.length)).slice(0, 10_000);
    const hits = checker.check(text);
    const whole = Math.floor(10_000 / sentence.length);
    expect(hits.filter((h) => h.phraseIds.includes('bu-zhi-dao'))).toHaveLength(
      whole + (10_000 % sentence.length > 9 ? 1 : 0),
    );
    expect(hits.every((h) => ['不知道', '但是'].includes(text.slice(h.start, h.end)))).toBe(true);
  });
});
