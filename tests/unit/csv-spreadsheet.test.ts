import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ATTEMPT_CSV_HEADER, attemptsCsv } from '../../src/lib/progress/csv.ts';
import type { Attempt } from '../../src/lib/progress/schema.ts';
import { makeAttempt } from '../fixtures/progress-files.ts';

/**
 * Opens the learner CSV in a real spreadsheet: LibreOffice headless imports it (UTF-8, comma, special
 * numbers detected as the Text Import dialog offers, formulas evaluated: the worst case) and saves
 * flat ODS XML, whose cells say their type.
 */
function soffice(): string {
  for (const bin of ['soffice', 'libreoffice']) {
    if (spawnSync(bin, ['--version'], { encoding: 'utf8' }).status === 0) return bin;
  }
  throw new Error(
    'LibreOffice（soffice）未安装，无法在真实电子表格中检查 CSV：请运行 apt-get install -y libreoffice-calc-nogui',
  );
}

interface Cell {
  type: string;
  value?: string;
  date?: string;
  formula?: string;
  text: string;
}

function openInSpreadsheet(csv: string): Cell[][] {
  const dir = mkdtempSync(join(tmpdir(), 'csv-lo-'));
  writeFileSync(join(dir, 'progress.csv'), csv);
  // Tokens: separator 44 (,), quote 34 ("), charset 76 (UTF-8), first line 1, no column formats,
  // language 1033, quoted-as-text false, detect special numbers true, …, evaluate formulas true.
  execFileSync(
    soffice(),
    [
      '--headless',
      '--norestore',
      `-env:UserInstallation=file://${join(dir, 'profile')}`,
      '--infilter=CSV:44,34,76,1,,1033,false,true,false,false,false,-1,true',
      '--convert-to',
      'fods',
      '--outdir',
      dir,
      join(dir, 'progress.csv'),
    ],
    { stdio: 'pipe', timeout: 90_000 },
  );
  const xml = readFileSync(join(dir, 'progress.fods'), 'utf8');
  const attr = (s: string, name: string) => new RegExp(`${name}="([^"]*)"`).exec(s)?.[1];
  const unescape = (s: string) =>
    s
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, '&');
  return [...xml.matchAll(/<table:table-row[^>]*>([\s\S]*?)<\/table:table-row>/g)].map((row) =>
    [...row[1]!.matchAll(/<table:table-cell([^>]*?)(?:\/>|>([\s\S]*?)<\/table:table-cell>)/g)].flatMap((c) => {
      const attrs = c[1]!;
      const cell: Cell = {
        type: attr(attrs, 'office:value-type') ?? 'empty',
        text: unescape([...(c[2] ?? '').matchAll(/<text:p>([\s\S]*?)<\/text:p>/g)].map((p) => p[1]).join('\n')),
      };
      const value = attr(attrs, 'office:value');
      const date = attr(attrs, 'office:date-value');
      const formula = attr(attrs, 'table:formula');
      if (value !== undefined) cell.value = value;
      if (date !== undefined) cell.date = date;
      if (formula !== undefined) cell.formula = formula;
      const repeat = Math.min(Number(attr(attrs, 'table:number-columns-repeated') ?? 1), 30);
      return Array.from({ length: repeat }, () => cell);
    }),
  );
}

describe('the learner CSV in LibreOffice', () => {
  it('reads dates as dates in center time, −10 as a number, and runs no formula', () => {
    const hostile = { employeeId: '=HYPERLINK("http://evil.example","x")', name: '+SUM(1,2)' };
    const monthly: Attempt = {
      ...makeAttempt(hostile, '2026-11', 'c0ffee', 3, '2026-11-23T23:05:00.000Z'),
      finishedAt: '2026-11-23T23:30:00.000Z',
    };
    const pending = {
      ...makeAttempt({ employeeId: '-2', name: '@me' }, 'certification', 'beef', 0),
      status: 'submitted' as const,
    };
    const rows = openInSpreadsheet(attemptsCsv([monthly, pending], { '2026-11': '2026年11月月度技能考试' }));
    const col = (name: (typeof ATTEMPT_CSV_HEADER)[number]) => ATTEMPT_CSV_HEADER.indexOf(name);
    const [, first, second] = rows;

    expect(rows[0]!.slice(0, 3).map((c) => c.text)).toEqual(['工号', '姓名', '考试']);
    // 07:30 on 24 November in the center, whatever zone the exporting browser was in.
    expect(first![col('交卷时间')]).toMatchObject({ type: 'date', date: '2026-11-24T07:30:00' });
    expect(first![col('开始时间')]).toMatchObject({ type: 'date', date: '2026-11-24T07:05:00' });
    expect(first![col('月度考核影响')]).toMatchObject({ type: 'float', value: '-10' });
    expect(first![col('得分')]).toMatchObject({ type: 'float' });
    expect(first![col('用时（秒）')]).toMatchObject({ type: 'float', value: '1500' });
    // Text that looks like a formula stays text, shown with its escape; nothing is a formula.
    expect(first![col('工号')]).toMatchObject({ type: 'string', text: `'${hostile.employeeId}` });
    expect(first![col('姓名')]).toMatchObject({ type: 'string', text: "'+SUM(1,2)" });
    expect(second![col('工号')]).toMatchObject({ type: 'string', text: "'-2" });
    expect(rows.flat().filter((c) => c.formula)).toEqual([]);
    // An ungraded attempt reads 待评分, never 0.
    expect(second![col('得分')]).toMatchObject({ type: 'string', text: '待评分' });
  }, 120_000);
});
