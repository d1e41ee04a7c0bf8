import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * Every string a person sees comes from the i18n module: source code outside src/i18n writes no Chinese in
 * its string literals (comments and regular expressions aside). The exceptions are listed with why.
 */

/** Chinese that is data, never shown as a message: words or patterns text is matched against. */
const DATA: Record<string, string> = {
  'src/lib/search/intent.ts': 'intent words a palette query is read with',
  'src/lib/search/quick-search.ts': 'question words stripped from a palette query',
  'src/lib/phrases/check.ts': 'spoken variants a forbidden phrase is matched with',
  'src/lib/simulation/normalise.ts': 'characters folded before a reply is matched',
  'src/lib/content/wording.ts': 'wording compared between a script and its policy',
  'src/lib/content/impact.ts': 'a pattern for numbers with their unit (个?小时)',
  'src/lib/progress/xapi.ts': 'xAPI verb display maps (the statement format carries its own languages)',
};

const HAN = /\p{Script=Han}/u;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const path = join(dir, d.name);
    if (d.isDirectory()) return sourceFiles(path);
    return /\.ts$/.test(d.name) ? [path] : [];
  });
}

/** The Chinese string and template literals of a file, with their line numbers. */
function chineseLiterals(path: string): string[] {
  const file = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (
      (ts.isStringLiteralLike(node) ||
        ts.isTemplateHead(node) ||
        ts.isTemplateMiddle(node) ||
        ts.isTemplateTail(node)) &&
      HAN.test(node.text)
    ) {
      const line = file.getLineAndCharacterOfPosition(node.getStart()).line + 1;
      found.push(`${path}:${line} ${node.text.slice(0, 30)}`);
    }
    node.forEachChild(visit);
  };
  visit(file);
  return found;
}

const checked = ['src/lib', 'src/components', 'src/client', 'src/layouts', 'src/pages'].flatMap(sourceFiles);

describe('UI strings come from the i18n module', () => {
  it('no module outside src/i18n writes Chinese in a string literal, except data that text is matched against', () => {
    const excepted = new Set(Object.keys(DATA));
    const offending = checked.filter((p) => !excepted.has(p)).flatMap(chineseLiterals);
    expect(offending).toEqual([]);
  });

  it('every exception is still needed (the list shrinks as messages move)', () => {
    const stale = Object.keys(DATA).filter((p) => chineseLiterals(p).length === 0);
    expect(stale).toEqual([]);
  });

  it('reads literals only: a template literal is found, a comment and a regular expression are not', () => {
    expect(chineseLiterals('tests/fixtures/ui-strings/message.ts')).toEqual([
      'tests/fixtures/ui-strings/message.ts:5 作答里有 ',
      'tests/fixtures/ui-strings/message.ts:5  道题',
    ]);
  });
});
