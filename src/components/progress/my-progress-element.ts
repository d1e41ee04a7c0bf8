import { gradedResult } from '../../lib/progress/attempts.ts';
import type { Attempt } from '../../lib/progress/attempts.ts';
import { certificationStatus } from '../../lib/progress/certification.ts';
import { attemptsCsv } from '../../lib/progress/csv.ts';
import { loadMisses } from '../palette/palette-store.ts';
import {
  buildProgressFile,
  parseProgressFile,
  progressFileName,
  serializeProgress,
} from '../../lib/progress/export.ts';
import { planImport, planRestore } from '../../lib/progress/record-store.ts';
import type { AsideItem } from '../../lib/progress/record-store.ts';
import { withSignedResults } from '../../lib/progress/signed-grades.ts';
import { attemptStatements } from '../../lib/progress/xapi.ts';
import type { XapiSite } from '../../lib/progress/xapi.ts';
import { centerDateTime, centerDay } from '../../lib/time/center-time.ts';
import { loadLearner, saveLearner } from '../../client/attempt-store.ts';
import { el } from '../../client/dom.ts';
import { downloadText } from '../../client/download.ts';
import { applyPlan, migrateLegacy, onProgressChange, readAll, withProgressLock } from '../../client/local-store.ts';
import type { Read } from '../../client/local-store.ts';
import { SIGNED_RESULTS_STORED, verifiedResults } from '../../client/signed-results-store.ts';
import { stringsFrom } from '../../client/strings.ts';
import type { PublicKeyRecord } from '../../lib/grading/key-records.ts';
import type { ResultsPayload } from '../../lib/grading/results.ts';
import type { Translate } from '../../client/strings.ts';

interface ProgressPageData {
  site: XapiSite;
  examTitles: Record<string, string>;
  policyTitles: Record<string, string>;
  publicKeys: PublicKeyRecord[];
}

const when = (iso: string) => centerDateTime(new Date(iso));

/** 我的进度: status, history, set-aside records, export (JSON/CSV/xAPI) and restore, all in this browser. */
class MyProgress extends HTMLElement {
  #t: Translate = (k) => k;
  #data!: ProgressPageData;
  /** The trainer's signed results imported here (verified), applied to the attempts they grade. */
  #signed: ResultsPayload[] = [];

  connectedCallback() {
    this.#t = stringsFrom(this);
    this.#data = JSON.parse(this.querySelector('script[data-progress]')?.textContent ?? '{}') as ProgressPageData;
    const form = this.querySelector<HTMLFormElement>('.mp-learner')!;
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      const employeeId = (form.elements.namedItem('employeeId') as HTMLInputElement).value.trim();
      const name = (form.elements.namedItem('name') as HTMLInputElement).value.trim();
      if (employeeId && name) saveLearner({ employeeId, name });
      this.#render();
    });
    this.querySelector('.mp-export-json')!.addEventListener('click', () => void this.#export('json'));
    this.querySelector('.mp-export-csv')!.addEventListener('click', () => void this.#export('csv'));
    this.querySelector('.mp-export-xapi')!.addEventListener('click', () => void this.#export('xapi'));
    this.querySelector<HTMLInputElement>('.mp-import')!.addEventListener('change', (e) => {
      const input = e.target as HTMLInputElement;
      const file = input.files?.[0];
      if (file) void this.#import(file).finally(() => (input.value = ''));
    });
    onProgressChange(() => this.#render());
    document.addEventListener(SIGNED_RESULTS_STORED, () => void this.#loadSigned().then(() => this.#render()));
    this.#render();
    void this.#loadSigned().then(() => this.#render());
    // First-release lists move to one key per record; if storage refuses they stay and are still read.
    void withProgressLock(() => migrateLegacy()).then(() => this.#render());
  }

  /** Re-reads the imported signed results (each verified again with the site's keys). */
  async #loadSigned() {
    this.#signed = (await verifiedResults(this.#data.publicKeys)).payloads;
  }

  /** Every stored attempt, with the signed grading applied. */
  #attempts(read: Read) {
    return withSignedResults(read.attempts, this.#signed);
  }

  #say(message: string) {
    this.querySelector('.mp-status')!.textContent = message;
  }

  #parts(a: Attempt): (HTMLElement | string)[] {
    const p = a.parts;
    if (!p?.practical) return [];
    const practical = this.#t('progress.practical', { score: p.practical.score, max: p.practical.max });
    return [el('br'), this.#t('progress.parts', { theory: p.theory.percent, practical })];
  }

  #verdict(a: Attempt): string {
    const r = gradedResult(a);
    if (!r) return this.#t('progress.pending');
    return r.passed ? this.#t('progress.passed') : this.#t('progress.failed');
  }

  #render() {
    const t = this.#t;
    const learner = loadLearner();
    const read = readAll();
    if (read.unavailable) this.#say(read.unavailable);
    const form = this.querySelector<HTMLFormElement>('.mp-learner')!;
    (form.elements.namedItem('employeeId') as HTMLInputElement).value = learner?.employeeId ?? '';
    (form.elements.namedItem('name') as HTMLInputElement).value = learner?.name ?? '';
    this.querySelector<HTMLElement>('.mp-no-learner')!.hidden = Boolean(learner);
    for (const b of this.querySelectorAll<HTMLButtonElement>('.mp-actions button')) b.disabled = !learner;
    this.querySelector<HTMLInputElement>('.mp-import')!.disabled = !learner;

    const own = learner ? this.#attempts(read).filter((a) => a.learner.employeeId === learner.employeeId) : [];
    const status = this.querySelector('.mp-cert')!;
    const cert = learner ? certificationStatus(own, learner.employeeId) : undefined;
    if (cert?.certified && cert.attempt) {
      status.replaceChildren(
        el(
          'p',
          {},
          t('progress.certified', {
            date: centerDay(new Date(cert.attempt.finishedAt)),
            percent: cert.attempt.percent,
          }),
        ),
        el('p', {}, el('a', { href: '/certificate/' }, t('progress.certificate'))),
      );
    } else {
      status.replaceChildren(el('p', {}, t('progress.notCertified')));
    }

    const tbody = this.querySelector('.mp-attempts tbody')!;
    tbody.replaceChildren(
      ...own
        .slice()
        .sort((a, b) => Date.parse(b.finishedAt) - Date.parse(a.finishedAt))
        .map((a) => {
          const r = gradedResult(a);
          return el(
            'tr',
            {},
            el('td', {}, this.#data.examTitles[a.examId] ?? a.examId),
            el('td', {}, el('time', { dateTime: a.finishedAt }, when(a.finishedAt))),
            el('td', {}, r ? `${r.score} / ${r.max}（${r.percent}）` : t('progress.pending'), ...this.#parts(a)),
            el('td', {}, this.#verdict(a)),
          );
        }),
    );
    this.querySelector<HTMLElement>('.mp-no-attempts')!.hidden = own.length > 0;
    this.querySelector<HTMLElement>('.mp-attempts')!.hidden = own.length === 0;
    this.querySelector('.mp-acks')!.replaceChildren(
      ...read.acks.map((a) =>
        el(
          'li',
          {},
          `${this.#data.policyTitles[a.policyId] ?? a.policyId} v${a.version}（`,
          el('time', { dateTime: a.at }, when(a.at)),
          '）',
        ),
      ),
    );
    this.querySelector<HTMLElement>('.mp-no-acks')!.hidden = read.acks.length > 0;
    this.#renderAside(read);
  }

  #renderAside(read: Read) {
    const t = this.#t;
    const section = this.querySelector<HTMLElement>('.mp-aside')!;
    section.hidden = read.aside.length === 0;
    this.querySelector('.mp-aside ul')!.replaceChildren(
      ...read.aside.map((item, i) => {
        const restore = el('button', { type: 'button', className: 'secondary' }, t('progress.aside.restore'));
        restore.addEventListener('click', () => void this.#restore(item));
        const save = el('button', { type: 'button', className: 'secondary' }, t('progress.aside.download'));
        save.addEventListener('click', () => downloadText(`set-aside-${i + 1}.json`, item.raw, 'application/json'));
        return el(
          'li',
          {},
          el('span', { className: 'mp-aside-reason' }, item.reason),
          ' ',
          el('code', {}, item.key),
          ' ',
          restore,
          ' ',
          save,
        );
      }),
    );
  }

  async #restore(item: AsideItem) {
    const t = this.#t;
    const message = await withProgressLock(() => {
      // Re-read inside the lock: another tab may have restored or changed it meanwhile.
      const fresh = readAll().aside.find((a) => a.key === item.key && a.raw === item.raw);
      if (!fresh) return t('progress.aside.gone');
      const plan = planRestore(fresh, Date.now());
      if (!plan.ok) return t('progress.aside.stillBad', { reason: plan.reason });
      const saved = applyPlan(plan.value);
      if (!saved.ok) return t('progress.aside.notSaved', { reason: saved.reason });
      return t('progress.aside.restored', { n: plan.value.restored });
    });
    this.#render();
    this.#say(message);
  }

  async #export(kind: 'json' | 'csv' | 'xapi') {
    const learner = loadLearner();
    if (!learner) return;
    const now = new Date();
    const read = readAll();
    // The file for the trainer carries the attempts as taken (a graded copy of one would be a conflict there);
    // the views (CSV, xAPI) show a trainer-graded attempt with its signed result, once it verifies.
    const file = buildProgressFile(learner, read.attempts, read.acks, now, loadMisses());
    let name: string;
    if (kind === 'json') {
      name = progressFileName(learner.employeeId, now);
      downloadText(name, serializeProgress(file), 'application/json');
    } else {
      await this.#loadSigned();
      const attempts = withSignedResults(file.attempts, this.#signed);
      if (kind === 'csv') {
        name = progressFileName(learner.employeeId, now, 'csv');
        downloadText(name, attemptsCsv(attempts, this.#data.examTitles), 'text/csv;charset=utf-8');
      } else {
        name = progressFileName(learner.employeeId, now, 'xapi.json');
        const statements = attemptStatements(attempts, this.#data.site, this.#data.examTitles);
        downloadText(name, `${JSON.stringify(statements, null, 2)}\n`, 'application/json');
      }
    }
    this.#say(this.#t('progress.exported', { file: name }));
  }

  async #import(file: File) {
    const t = this.#t;
    const learner = loadLearner();
    if (!learner) return;
    const parsed = await parseProgressFile(await file.text());
    if (!parsed.ok) return this.#say(t('progress.importFailed', { file: file.name, reason: parsed.reason }));
    const incoming = parsed.file;
    if (incoming.learner.employeeId !== learner.employeeId) {
      return this.#say(
        t('progress.importOther', { file: file.name, name: incoming.learner.name, id: incoming.learner.employeeId }),
      );
    }
    const message = await withProgressLock(() => {
      // Re-read inside the lock, so another tab's records written meanwhile are counted, never lost.
      const read = readAll();
      const plan = planImport(read, incoming);
      const saved = applyPlan(plan);
      const counts = { file: file.name, attempts: plan.attempts, acks: plan.acks };
      if (!saved.ok) {
        return t('progress.importNotSaved', {
          ...counts,
          reason: saved.reason,
          haveAttempts: read.attempts.length,
          haveAcks: read.acks.length,
        });
      }
      return t('progress.imported', counts);
    });
    this.#render();
    this.#say(parsed.checksumOk ? message : `${message} ${t('progress.checksumWarning', { file: file.name })}`);
  }
}

customElements.define('my-progress', MyProgress);
