import { isCounted } from '../../lib/grading/board.ts';
import type { LearnerGrades, RosterRow } from '../../lib/grading/board.ts';
import { overrideKey } from '../../lib/grading/grade.ts';
import type { AttemptGrade, Override } from '../../lib/grading/grade.ts';
import type { itemAnalysis } from '../../lib/grading/items.ts';
import type { KitQuestion } from '../../lib/grading/kit.ts';
import type { Simulation } from '../../lib/simulation/schema.ts';
import { transcriptLines } from '../../lib/grading/transcript.ts';
import type { SignedResultsFile } from '../../lib/grading/results.ts';
import { canonicalJson } from '../../lib/progress/export.ts';
import { centerDateTime } from '../../lib/time/center-time.ts';
import { el } from '../../client/dom.ts';
import { renderPaged } from '../../client/paged-list.ts';
import { reviewCounts, reviewItems } from '../../lib/grading/review-queue.ts';
import type { ReviewFilter } from '../../lib/grading/review-queue.ts';
import type { Translate } from '../../client/strings.ts';

/** Rendering of the dashboard's sections; data is always set as text, never parsed as HTML. */

const EFFECT_TEXT: Record<string, string> = { '5': '+5', '0': '0', '-10': '−10' };
const dash = '—';
/** Rows built per page: enough to scan, few enough that a 500-file drop renders at once. */
const REVIEW_PAGE = 20;
const NOT_COUNTED_PAGE = 100;

export function renderIssues(
  root: HTMLElement,
  rejected: readonly { file: string; reason: string }[],
  graded: readonly LearnerGrades[],
  t: Translate,
): void {
  root
    .querySelector('.db-rejected')!
    .replaceChildren(...rejected.map((r) => el('li', {}, el('strong', {}, r.file), `：${r.reason}`)));
  root.querySelector<HTMLElement>('.db-rejected-section')!.hidden = rejected.length === 0;

  const flagged = graded.filter((lg) => lg.learner.flags.length);
  root
    .querySelector('.db-flags')!
    .replaceChildren(
      ...flagged.map((lg) =>
        el(
          'li',
          {},
          el('strong', {}, `${lg.learner.employeeId} ${lg.learner.name}`),
          `：${lg.learner.flags.map((f) => f.message).join('；')}`,
        ),
      ),
    );
  root.querySelector<HTMLElement>('.db-flags-section')!.hidden = flagged.length === 0;

  const rows = graded.flatMap((lg) => lg.grades.filter((g) => !isCounted(g)).map((g) => ({ lg, g })));
  renderPaged(
    root.querySelector('.db-not-counted tbody')!,
    root.querySelector('.db-not-counted-more')!,
    rows,
    ({ lg, g }) =>
      el(
        'tr',
        {},
        el('td', {}, lg.learner.employeeId),
        el('td', {}, g.exam?.title ?? g.attempt.examId),
        el('td', {}, g.attempt.id),
        el('td', {}, g.reasons.map((r) => r.message).join('；')),
      ),
    NOT_COUNTED_PAGE,
    (n) => t('dash.more', { n }),
  );
  const conflicts = graded.flatMap((lg) => lg.conflicts);
  root
    .querySelector('.db-conflicts')!
    .replaceChildren(
      ...conflicts.map((c) =>
        el(
          'div',
          {},
          el('h4', {}, c.attemptId),
          el(
            'div',
            { className: 'db-versions' },
            ...c.versions.map((v, i) =>
              el(
                'div',
                {},
                el('p', {}, el('strong', {}, t('dash.version', { n: i + 1 }))),
                el('pre', { tabIndex: 0 }, JSON.stringify(JSON.parse(canonicalJson(v)), null, 2)),
              ),
            ),
          ),
        ),
      ),
    );
  root.querySelector<HTMLElement>('.db-conflicts-title')!.hidden = conflicts.length === 0;
  root.querySelector<HTMLElement>('.db-not-counted-section')!.hidden = rows.length === 0;
}

export function renderRoster(
  root: HTMLElement,
  rows: readonly RosterRow[],
  signed: ReadonlyMap<string, SignedResultsFile>,
  t: Translate,
  download: (employeeId: string) => void,
): void {
  root.querySelector('.db-roster tbody')!.replaceChildren(
    ...rows.map((r) => {
      const c = r.certification;
      const parts = r.certificationParts;
      const button = signed.has(r.employeeId)
        ? el('button', { type: 'button', className: 'secondary' }, t('dash.download'))
        : dash;
      if (typeof button !== 'string') {
        button.setAttribute('aria-label', `${t('dash.download')} ${r.employeeId}`);
        button.addEventListener('click', () => download(r.employeeId));
      }
      return el(
        'tr',
        {},
        el('td', {}, r.employeeId),
        el('td', {}, r.name),
        el('td', {}, c ? centerDateTime(new Date(c.finishedAt)) : dash),
        el('td', {}, parts ? String(parts.theory.percent) : dash),
        el('td', {}, parts?.practical ? `${parts.practical.score}/${parts.practical.max}` : dash),
        el('td', {}, r.bestCertificationPercent === undefined ? dash : String(r.bestCertificationPercent)),
        el(
          'td',
          {},
          r.month
            ? `${r.month.percent}${r.month.practical ? ` · ${t('dash.monthPractical', { score: r.month.practical.score, max: r.month.practical.max })}` : ''}`
            : dash,
        ),
        el('td', {}, r.month ? (EFFECT_TEXT[String(r.month.effect)] ?? '') : dash),
        el('td', {}, r.notCounted.length ? String(r.notCounted.length) : dash),
        el('td', {}, r.unread.length ? r.unread.join('、') : dash),
        el('td', {}, r.flags.length ? r.flags.join('；') : dash),
        el('td', {}, button),
      );
    }),
  );
  root.querySelector<HTMLElement>('.db-roster-empty')!.hidden = rows.length > 0;
}

/** Simulation transcripts with the automatic judgment and a 人工复核 form for each. */
export function renderReview(
  root: HTMLElement,
  graded: readonly LearnerGrades[],
  overrides: ReadonlyMap<string, Override>,
  t: Translate,
  simulationOf: (g: AttemptGrade, simulationId: string) => Simulation | undefined,
  save: (attemptId: string, simulationId: string, override: Override) => void,
  keep = 0,
): () => number {
  const filter = root.querySelector<HTMLSelectElement>('.db-review-filter')!.value as ReviewFilter;
  const query = root.querySelector<HTMLInputElement>('.db-review-query')!.value;
  const items = reviewItems(graded, filter, query);
  const counts = reviewCounts(graded);
  root.querySelector('.db-review-count')!.textContent = t('dash.reviewCount', {
    needs: counts.needsReview,
    total: counts.total,
    listed: items.length,
  });
  const shown = renderPaged(
    root.querySelector('.db-review')!,
    root.querySelector('.db-review-more')!,
    items,
    ({ lg, g, s }, n) => {
      const id = `db-ov-${n}`;
      const result = (p: boolean | undefined) =>
        p === undefined ? t('dash.pending') : p ? t('dash.passed') : t('dash.failed');
      const sim = simulationOf(g, s.simulationId);
      // Each answer beside what the customer said before it and the judge's note on it.
      const turns = transcriptLines(sim, s.record, s.auto).map((line, i) =>
        el(
          'li',
          {},
          `${t('dash.turn', { n: i + 1 })}：`,
          line.customerSaid ? el('p', { className: 'muted' }, t('dash.customerSaid', { text: line.customerSaid })) : '',
          line.reply !== undefined
            ? el('blockquote', {}, line.reply)
            : t('dash.choice', { n: line.choice?.number ?? 0, option: line.choice?.option ?? '' }),
          line.judged
            ? el(
                'p',
                {},
                t(line.judged.passed ? 'dash.turnOk' : 'dash.turnNote', {
                  score: line.judged.score,
                  max: line.judged.max,
                  note: line.judged.note,
                }),
              )
            : '',
        ),
      );
      const choice = el(
        'select',
        { id: `${id}-result`, name: 'result' },
        el('option', { value: 'pass' }, t('dash.overridePass')),
        el('option', { value: 'fail' }, t('dash.overrideFail')),
      );
      const reason = el('input', { id: `${id}-reason`, name: 'reason', type: 'text', required: true, size: 40 });
      const note = el('span', { className: 'db-ov-note', role: 'status' });
      const form = el(
        'form',
        { className: 'no-print' },
        el('label', { htmlFor: `${id}-result` }, t('dash.final')),
        choice,
        el('label', { htmlFor: `${id}-reason` }, t('dash.overrideReason')),
        reason,
        el('button', { type: 'submit', className: 'secondary' }, t('dash.overrideSave')),
        note,
      );
      form.addEventListener('submit', (e) => {
        e.preventDefault();
        const why = reason.value.trim();
        if (!why) {
          note.textContent = t('dash.overrideNeedReason');
          return;
        }
        save(g.attempt.id, s.simulationId, { passed: choice.value === 'pass', reason: why });
      });
      const override = overrides.get(overrideKey(g.attempt.id, s.simulationId));
      const section = el(
        'section',
        { className: 'db-sim' },
        el(
          'h3',
          {},
          `${lg.learner.employeeId} ${lg.learner.name} · ${g.exam?.title ?? g.attempt.examId} · ${sim?.title ?? s.simulationId}`,
        ),
        el(
          'p',
          {},
          `${t('dash.auto')}：${s.auto ? `${result(s.auto.passed)}（${s.auto.score}/${s.auto.max}）` : t('dash.autoNone')}`,
        ),
        el('ul', { className: 'db-sim-notes' }, ...(s.auto?.notes ?? []).map((line) => el('li', {}, line))),
        override ? el('p', {}, t('dash.overridden', { result: result(override.passed), reason: override.reason })) : '',
        el('p', {}, `${t('dash.final')}：${result(s.passed)}`),
        el('details', {}, el('summary', {}, t('dash.transcript')), el('ol', {}, ...turns)),
        form,
      );
      section.dataset['key'] = overrideKey(g.attempt.id, s.simulationId);
      return section;
    },
    REVIEW_PAGE,
    (left) => t('dash.more', { n: left }),
    keep,
  );
  root.querySelector<HTMLElement>('.db-review-none')!.hidden = items.length > 0;
  return shown;
}

export function renderItems(
  root: HTMLElement,
  analysis: ReturnType<typeof itemAnalysis>,
  questionOf: (id: string) => KitQuestion | undefined,
  topics: Readonly<Record<string, string>>,
  t: Translate,
): void {
  const svgNs = 'http://www.w3.org/2000/svg';
  const barHeight = 26;
  const svg = document.createElementNS(svgNs, 'svg');
  svg.setAttribute('viewBox', `0 0 600 ${Math.max(1, analysis.topics.length) * barHeight}`);
  svg.setAttribute('role', 'img');
  svg.setAttribute(
    'aria-label',
    `${t('dash.topics')}：${analysis.topics.map((x) => `${topics[x.topic] ?? x.topic} ${Math.round(x.rate * 100)}%`).join('，')}`,
  );
  analysis.topics.forEach((x, i) => {
    const y = i * barHeight;
    const label = document.createElementNS(svgNs, 'text');
    label.setAttribute('x', '0');
    label.setAttribute('y', String(y + 17));
    label.textContent = topics[x.topic] ?? x.topic;
    const bar = document.createElementNS(svgNs, 'rect');
    bar.setAttribute('x', '150');
    bar.setAttribute('y', String(y + 4));
    bar.setAttribute('height', String(barHeight - 8));
    bar.setAttribute('width', String(Math.max(1, x.rate * 380)));
    bar.setAttribute('class', 'db-bar');
    const value = document.createElementNS(svgNs, 'text');
    value.setAttribute('x', String(156 + x.rate * 380));
    value.setAttribute('y', String(y + 17));
    value.textContent = `${Math.round(x.rate * 100)}%`;
    svg.append(label, bar, value);
  });
  root.querySelector('.db-topic-chart')!.replaceChildren(analysis.topics.length ? svg : el('p', {}, t('dash.none')));
  root.querySelector('.db-missed tbody')!.replaceChildren(
    ...analysis.questions.slice(0, 10).map((s) => {
      const q = questionOf(s.id);
      return el(
        'tr',
        {},
        el('td', {}, `${s.id}：${q?.stem ?? ''}`),
        el('td', {}, topics[s.topic] ?? s.topic),
        el('td', {}, `${Math.round(s.rate * 100)}%`),
        el('td', {}, String(s.answered)),
        el('td', {}, q ? el('a', { href: q.ref }, q.ref) : ''),
      );
    }),
  );
}
