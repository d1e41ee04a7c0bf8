import { pinyin } from 'pinyin-pro';
import { loadContent } from '../../src/lib/content/load-content.ts';
import type { ScriptData } from '../../src/lib/content/schema.ts';

/**
 * Scripts the palette tests type, chosen from the content by a rule rather than by name: each has title
 * initials (how agents type, e.g. 无声电话 → wsdh) that no other script or phrase title contains.
 */
const content = loadContent();

export const initialsOf = (text: string): string =>
  pinyin(text, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'removed' }).join('').toLowerCase();

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
