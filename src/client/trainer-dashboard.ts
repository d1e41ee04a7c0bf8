import { toCsv } from '../lib/progress/csv.ts';
import {
  addFile,
  emptyDashboard,
  itemAnalysis,
  rejectFile,
  rosterRows,
  sizeProblem,
} from '../lib/progress/dashboard.ts';
import type { DashboardState, RosterRow, ScoringContext } from '../lib/progress/dashboard.ts';
import { scoringContext } from '../lib/progress/scoring-context.ts';
import type { ExamDefinition } from '../lib/quiz/schema.ts';
import type { PublicQuestion } from '../lib/quiz/public.ts';
import { localDay } from '../lib/quiz/window.ts';
import { el } from './dom.ts';
import { downloadText } from './download.ts';
import { stringsFrom } from './strings.ts';
import type { Translate } from './strings.ts';

interface DashboardData {
  exams: ExamDefinition[];
  questions: PublicQuestion[];
  topics: Record<string, string>;
  mustRead: { policyId: string; version: string; title: string }[];
}

type SortKey =
  | 'employeeId'
  | 'name'
  | 'certifiedAt'
  | 'bestCertificationPercent'
  | 'monthPercent'
  | 'monthEffect'
  | 'unread'
  | 'flags';

const EFFECT_TEXT: Record<string, string> = { '5': '+5', '0': '0', '-10': '−10' };

/** The trainer's dashboard: many exported files in, roster and item analysis out; nothing leaves the page. */
class TrainerDashboard extends HTMLElement {
  #t: Translate = (k) => k;
  #data!: DashboardData;
  #ctx: ScoringContext | undefined;
  #state: DashboardState = emptyDashboard();
  #sort: { key: SortKey; dir: 1 | -1 } = { key: 'employeeId', dir: 1 };
  #month = localDay(new Date()).slice(0, 7);

  connectedCallback() {
    this.#t = stringsFrom(this);
    this.#data = JSON.parse(this.querySelector('script[data-dashboard]')?.textContent ?? '{}') as DashboardData;
    const input = this.querySelector<HTMLInputElement>('.db-files')!;
    input.addEventListener('change', () => {
      if (input.files?.length) void this.#load([...input.files]).finally(() => (input.value = ''));
    });
    const zone = this.querySelector<HTMLElement>('.db-drop')!;
    zone.addEventListener('dragover', (e) => {
      e.preventDefault();
      zone.classList.add('db-over');
    });
    zone.addEventListener('dragleave', () => zone.classList.remove('db-over'));
    zone.addEventListener('drop', (e) => {
      e.preventDefault();
      zone.classList.remove('db-over');
      const files = [...(e.dataTransfer?.files ?? [])];
      if (files.length) void this.#load(files);
    });
    this.querySelector('.db-filter')!.addEventListener('input', () => this.#renderRoster());
    this.querySelector('.db-export-roster')!.addEventListener('click', () => this.#exportRoster());
    this.querySelector('.db-export-items')!.addEventListener('click', () => this.#exportItems());
    this.querySelector<HTMLFormElement>('.db-verify')!.addEventListener('submit', (e) => {
      e.preventDefault();
      this.#verify();
    });
    this.querySelector('.db-month')!.textContent = this.#t('dash.col.month', { month: this.#month });
    this.#render();
  }

  #status(message: string) {
    this.querySelector('.db-status')!.textContent = message;
  }

  async #load(files: File[]) {
    const t = this.#t;
    // Answers are recovered once, on first use: a few thousand hashes.
    this.#ctx ??= scoringContext(this.#data.exams, this.#data.questions);
    let done = 0;
    for (const file of files) {
      const problem = sizeProblem(file.size);
      if (problem) rejectFile(this.#state, file.name, problem);
      else {
        try {
          addFile(this.#state, file.name, await file.text(), this.#ctx);
        } catch (e) {
          rejectFile(this.#state, file.name, `无法读取：${(e as Error).message}`);
        }
      }
      done++;
      // Yield now and then so the page stays responsive with hundreds of files.
      if (done % 20 === 0) {
        this.#status(t('dash.loading', { done, total: files.length }));
        await new Promise((r) => setTimeout(r, 0));
      }
    }
    this.#render();
    this.#status(
      t('dash.loaded', {
        total: this.#state.filesSeen,
        learners: this.#state.learners.size,
        rejected: this.#state.rejected.length,
        flags: this.#state.flags.length,
      }),
    );
  }

  #render() {
    this.#renderRejected();
    this.#renderFlags();
    this.#renderRoster();
    this.#renderItems();
  }

  #renderRejected() {
    const list = this.querySelector('.db-rejected')!;
    list.replaceChildren(...this.#state.rejected.map((r) => el('li', {}, el('strong', {}, r.file), `：${r.reason}`)));
    this.querySelector<HTMLElement>('.db-rejected-section')!.hidden = this.#state.rejected.length === 0;
  }

  #renderFlags() {
    const t = this.#t;
    const tbody = this.querySelector('.db-flags tbody')!;
    tbody.replaceChildren(
      ...this.#state.flags.map((f) =>
        el(
          'tr',
          { className: `db-flag-${f.kind}` },
          el('td', {}, f.file),
          el('td', {}, f.attempt?.learner.employeeId ?? ''),
          el('td', {}, f.message),
          el('td', {}, f.stored ? `${f.stored.score}（${f.stored.passed ? t('quiz.passed') : t('quiz.failed')}）` : ''),
          el(
            'td',
            {},
            f.rescored ? `${f.rescored.score}（${f.rescored.passed ? t('quiz.passed') : t('quiz.failed')}）` : '',
          ),
        ),
      ),
    );
    this.querySelector<HTMLElement>('.db-flags-section')!.hidden = this.#state.flags.length === 0;
  }

  #rows(): RosterRow[] {
    const filter = this.querySelector<HTMLInputElement>('.db-filter')!.value.trim().toLowerCase();
    const rows = rosterRows(this.#state, this.#month, this.#data.mustRead).filter(
      (r) => !filter || r.employeeId.toLowerCase().includes(filter) || r.name.toLowerCase().includes(filter),
    );
    const { key, dir } = this.#sort;
    const value = (r: RosterRow): string | number => {
      const v = key === 'unread' ? r.unread.length : r[key];
      return v === undefined ? (typeof rows[0]?.[key] === 'string' ? '' : -Infinity) : v;
    };
    return rows.sort((a, b) => {
      const x = value(a);
      const y = value(b);
      return (x < y ? -1 : x > y ? 1 : 0) * dir || a.employeeId.localeCompare(b.employeeId);
    });
  }

  #renderRoster() {
    const t = this.#t;
    for (const th of this.querySelectorAll<HTMLElement>('.db-roster th[data-key]')) {
      const active = th.dataset['key'] === this.#sort.key;
      th.setAttribute('aria-sort', active ? (this.#sort.dir === 1 ? 'ascending' : 'descending') : 'none');
      const button = th.querySelector('button')!;
      if (!button.dataset['bound']) {
        button.dataset['bound'] = '1';
        button.addEventListener('click', () => {
          const key = th.dataset['key'] as SortKey;
          this.#sort = { key, dir: this.#sort.key === key ? (this.#sort.dir === 1 ? -1 : 1) : 1 };
          this.#renderRoster();
        });
      }
    }
    const rows = this.#rows();
    const tbody = this.querySelector('.db-roster tbody')!;
    tbody.replaceChildren(
      ...rows.map((r) =>
        el(
          'tr',
          {},
          el('td', {}, r.employeeId),
          el('td', {}, r.name),
          el('td', {}, r.certifiedAt ? `${r.certifiedAt.slice(0, 10)}（${r.certificateCode}）` : '—'),
          el('td', {}, r.bestCertificationPercent === undefined ? '—' : String(r.bestCertificationPercent)),
          el('td', {}, r.monthPercent === undefined ? '—' : String(r.monthPercent)),
          el('td', {}, r.monthEffect === undefined ? '—' : (EFFECT_TEXT[String(r.monthEffect)] ?? '')),
          el('td', {}, r.unread.length ? r.unread.join('、') : '—'),
          el('td', {}, r.flags ? String(r.flags) : '—'),
        ),
      ),
    );
    this.querySelector<HTMLElement>('.db-roster-empty')!.hidden = rows.length > 0;
    this.querySelector<HTMLElement>('.db-roster-empty')!.textContent = t('dash.none');
  }

  #renderItems() {
    const t = this.#t;
    const analysis = itemAnalysis(this.#state);
    const chart = this.querySelector('.db-topic-chart')!;
    const svgNs = 'http://www.w3.org/2000/svg';
    const barHeight = 26;
    const svg = document.createElementNS(svgNs, 'svg');
    svg.setAttribute('viewBox', `0 0 600 ${Math.max(1, analysis.topics.length) * barHeight}`);
    svg.setAttribute('role', 'img');
    svg.setAttribute(
      'aria-label',
      `${t('dash.topics')}：${analysis.topics.map((x) => `${this.#data.topics[x.topic] ?? x.topic} ${Math.round(x.rate * 100)}%`).join('，')}`,
    );
    analysis.topics.forEach((x, i) => {
      const y = i * barHeight;
      const label = document.createElementNS(svgNs, 'text');
      label.setAttribute('x', '0');
      label.setAttribute('y', String(y + 17));
      label.textContent = this.#data.topics[x.topic] ?? x.topic;
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
    chart.replaceChildren(analysis.topics.length ? svg : el('p', {}, t('dash.none')));

    const byId = new Map(this.#data.questions.map((q) => [q.id, q]));
    const tbody = this.querySelector('.db-missed tbody')!;
    tbody.replaceChildren(
      ...analysis.questions.slice(0, 10).map((s) => {
        const q = byId.get(s.id);
        return el(
          'tr',
          {},
          el('td', {}, `${s.id}：${q?.stem ?? ''}`),
          el('td', {}, this.#data.topics[s.topic] ?? s.topic),
          el('td', {}, `${Math.round(s.rate * 100)}%`),
          el('td', {}, String(s.answered)),
          el('td', {}, q ? el('a', { href: q.ref.url }, q.ref.label) : ''),
        );
      }),
    );
  }

  #exportRoster() {
    const t = this.#t;
    const rows = this.#rows();
    const csv = toCsv(
      [
        t('dash.col.id'),
        t('dash.col.name'),
        t('dash.col.certified'),
        t('cert.code'),
        t('dash.col.best'),
        t('dash.col.month', { month: this.#month }),
        t('dash.col.effect'),
        t('dash.col.unread'),
        t('dash.col.flags'),
        '文件',
      ],
      rows.map((r) => [
        r.employeeId,
        r.name,
        r.certifiedAt?.slice(0, 10) ?? '',
        r.certificateCode ?? '',
        r.bestCertificationPercent ?? '',
        r.monthPercent ?? '',
        r.monthEffect ?? '',
        r.unread.join('、'),
        r.flags,
        r.files.join('、'),
      ]),
    );
    downloadText(`roster-${localDay(new Date())}.csv`, csv, 'text/csv;charset=utf-8');
  }

  #exportItems() {
    const t = this.#t;
    const analysis = itemAnalysis(this.#state);
    const byId = new Map(this.#data.questions.map((q) => [q.id, q]));
    const csv = toCsv(
      ['题目 id', t('dash.question'), '题库', t('dash.rate'), t('dash.answered'), '答对人次', t('dash.learn')],
      analysis.questions.map((s) => [
        s.id,
        byId.get(s.id)?.stem ?? '',
        this.#data.topics[s.topic] ?? s.topic,
        Math.round(s.rate * 1000) / 10,
        s.answered,
        s.correct,
        byId.get(s.id)?.ref.url ?? '',
      ]),
    );
    downloadText(`item-analysis-${localDay(new Date())}.csv`, csv, 'text/csv;charset=utf-8');
  }

  #verify() {
    const t = this.#t;
    const code = this.querySelector<HTMLInputElement>('.db-code')!.value.trim().toUpperCase();
    const row = rosterRows(this.#state, this.#month, []).find((r) => r.certificateCode === code);
    this.querySelector('.db-verify-result')!.textContent = row
      ? t('dash.verifyOk', { name: row.name, id: row.employeeId, date: row.certifiedAt!.slice(0, 10) })
      : t('dash.verifyFail', { code });
  }
}

customElements.define('trainer-dashboard', TrainerDashboard);
