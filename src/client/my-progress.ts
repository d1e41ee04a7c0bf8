import { ACK_STORAGE_KEY } from '../lib/progress/acknowledgments.ts';
import { ATTEMPTS_STORAGE_KEY } from '../lib/progress/attempts.ts';
import { certificationStatus } from '../lib/progress/certification.ts';
import { attemptsCsv } from '../lib/progress/csv.ts';
import {
  buildProgressFile,
  mergeProgress,
  parseProgressFile,
  progressFileName,
  serializeProgress,
} from '../lib/progress/export.ts';
import type { Learner } from '../lib/progress/schema.ts';
import { attemptStatements } from '../lib/progress/xapi.ts';
import { loadAcks } from './ack-store.ts';
import { loadAttempts, loadLearner, saveLearner } from './attempt-store.ts';
import { el } from './dom.ts';
import { downloadText } from './download.ts';
import { saveList } from './local-store.ts';
import { stringsFrom } from './strings.ts';
import type { Translate } from './strings.ts';

interface ProgressPageData {
  siteUrl: string;
  examTitles: Record<string, string>;
  policyTitles: Record<string, string>;
}

/** 我的进度: status, history, export (JSON/CSV/xAPI) and restore, all inside this browser. */
class MyProgress extends HTMLElement {
  #t: Translate = (k) => k;
  #data!: ProgressPageData;

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
    this.querySelector('.mp-export-json')!.addEventListener('click', () => this.#export('json'));
    this.querySelector('.mp-export-csv')!.addEventListener('click', () => this.#export('csv'));
    this.querySelector('.mp-export-xapi')!.addEventListener('click', () => this.#export('xapi'));
    this.querySelector<HTMLInputElement>('.mp-import')!.addEventListener('change', (e) => {
      const input = e.target as HTMLInputElement;
      const file = input.files?.[0];
      if (file) void this.#import(file).finally(() => (input.value = ''));
    });
    this.#render();
  }

  #say(message: string) {
    this.querySelector('.mp-status')!.textContent = message;
  }

  #render() {
    const t = this.#t;
    const learner = loadLearner();
    const attempts = loadAttempts();
    const acks = loadAcks();
    const problems = [attempts.problem, acks.problem].filter(Boolean).join('；');
    if (problems) this.#say(problems);
    const form = this.querySelector<HTMLFormElement>('.mp-learner')!;
    (form.elements.namedItem('employeeId') as HTMLInputElement).value = learner?.employeeId ?? '';
    (form.elements.namedItem('name') as HTMLInputElement).value = learner?.name ?? '';
    this.querySelector<HTMLElement>('.mp-no-learner')!.hidden = Boolean(learner);
    for (const b of this.querySelectorAll<HTMLButtonElement>('.mp-actions button')) b.disabled = !learner;
    this.querySelector<HTMLInputElement>('.mp-import')!.disabled = !learner;

    const own = learner ? attempts.items.filter((a) => a.learner.employeeId === learner.employeeId) : [];
    const status = this.querySelector('.mp-cert')!;
    const cert = learner ? certificationStatus(own, learner.employeeId) : undefined;
    if (cert?.certified && cert.attempt) {
      status.replaceChildren(
        el(
          'p',
          {},
          t('progress.certified', { date: cert.attempt.finishedAt.slice(0, 10), percent: cert.attempt.percent ?? '—' }),
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
        .sort((a, b) => b.finishedAt.localeCompare(a.finishedAt))
        .map((a) =>
          el(
            'tr',
            {},
            el('td', {}, this.#data.examTitles[a.examId] ?? a.examId),
            el('td', {}, a.finishedAt.slice(0, 16).replace('T', ' ')),
            el('td', {}, a.percent === undefined ? '—' : `${a.score} / ${a.max}（${a.percent}）`),
            el('td', {}, a.passed === undefined ? t('progress.pending') : a.passed ? '通过' : '未通过'),
          ),
        ),
    );
    this.querySelector<HTMLElement>('.mp-no-attempts')!.hidden = own.length > 0;
    this.querySelector<HTMLElement>('.mp-attempts')!.hidden = own.length === 0;
    const ackList = this.querySelector('.mp-acks')!;
    ackList.replaceChildren(
      ...acks.acks.map((a) =>
        el('li', {}, `${this.#data.policyTitles[a.policyId] ?? a.policyId} v${a.version}（${a.at.slice(0, 10)}）`),
      ),
    );
    this.querySelector<HTMLElement>('.mp-no-acks')!.hidden = acks.acks.length > 0;
  }

  #export(kind: 'json' | 'csv' | 'xapi') {
    const learner = loadLearner();
    if (!learner) return;
    const now = new Date();
    const file = buildProgressFile(learner, loadAttempts().items, loadAcks().acks, now);
    let name: string;
    if (kind === 'json') {
      name = progressFileName(learner.employeeId, now);
      downloadText(name, serializeProgress(file), 'application/json');
    } else if (kind === 'csv') {
      name = progressFileName(learner.employeeId, now, 'csv');
      downloadText(name, attemptsCsv(file.attempts, this.#data.examTitles), 'text/csv;charset=utf-8');
    } else {
      name = progressFileName(learner.employeeId, now, 'xapi.json');
      const statements = attemptStatements(file.attempts, this.#data.siteUrl, this.#data.examTitles);
      downloadText(name, `${JSON.stringify(statements, null, 2)}\n`, 'application/json');
    }
    this.#say(this.#t('progress.exported', { file: name }));
  }

  async #import(file: File) {
    const t = this.#t;
    const learner = loadLearner() as Learner;
    const parsed = parseProgressFile(await file.text());
    if (!parsed.ok) return this.#say(t('progress.importFailed', { file: file.name, reason: parsed.reason }));
    if (parsed.file.learner.employeeId !== learner.employeeId) {
      return this.#say(
        t('progress.importOther', {
          file: file.name,
          name: parsed.file.learner.name,
          id: parsed.file.learner.employeeId,
        }),
      );
    }
    const attempts = loadAttempts();
    const acks = loadAcks();
    if (attempts.locked) return this.#say(t('progress.saveFailed', { reason: attempts.problem ?? '' }));
    const merged = mergeProgress({ attempts: attempts.items, acknowledgments: acks.acks }, parsed.file);
    const saved = [
      saveList(ATTEMPTS_STORAGE_KEY, merged.attempts),
      saveList(ACK_STORAGE_KEY, merged.acknowledgments),
    ].find((r) => !r.ok);
    if (saved && !saved.ok) return this.#say(t('progress.saveFailed', { reason: saved.reason }));
    this.#render();
    const message = t('progress.imported', {
      file: file.name,
      attempts: merged.added.attempts,
      acks: merged.added.acknowledgments,
    });
    this.#say(parsed.checksumOk ? message : `${message} ${t('progress.checksumWarning', { file: file.name })}`);
  }
}

customElements.define('my-progress', MyProgress);
