import { pinyin } from 'pinyin-pro';
import { loadContent } from '../../src/lib/content/load-content.ts';
import type { PhraseData, ScriptData } from '../../src/lib/content/schema.ts';

/**
 * Scripts the palette tests type, chosen from the content by a rule rather than by name: each has title
 * initials (how agents type, e.g. 无声电话 → wsdh) that no other script or phrase title contains.
 */
const content = loadContent();

export const initialsOf = (text: string): string =>
  pinyin(text, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'removed' }).join('').toLowerCase();

function must<T>(found: T | undefined, what: string): T {
  if (!found) throw new Error(`内容里找不到${what}，无法测试快速查找`);
  return found;
}

const titles = [...content.scripts.map((s) => s.data.title), ...content.phrases.map((p) => p.data.phrase)];

/** Scripts whose initials (three letters or more) find no other title, in id order. */
export const typeableScripts: ScriptData[] = content.scripts
  .slice()
  .sort((a, b) => a.id.localeCompare(b.id))
  .map((s) => s.data)
  .filter((s) => {
    const ini = initialsOf(s.title);
    return ini.length >= 3 && titles.filter((t) => initialsOf(t).includes(ini)).length === 1;
  });

/** A script with a blank to fill (……) in its wording, typed by its full title. */
export const scriptWithBlank: ScriptData = must(
  content.scripts
    .map((s) => s.data)
    .find((s) => s.lines.some((line) => line.includes('……')) && titles.filter((t) => t.includes(s.title)).length === 1),
  '带空白（……）的话术',
);

/** A forbidden phrase with three alternatives or more, typed as it is written. */
export const phraseWithAlternatives: PhraseData = must(
  content.phrases
    .map((p) => p.data)
    .find((p) => p.instead.length >= 3 && titles.filter((t) => t.includes(p.phrase)).length === 1),
  '有三种以上改说的忌语',
);
