import { gradeLearner, rosterRow } from '../../lib/grading/board.ts';
import type { LearnerGrades, RosterRow } from '../../lib/grading/board.ts';
import { overrideKey } from '../../lib/grading/grade.ts';
import type { Override } from '../../lib/grading/grade.ts';
import { addProgressText, emptyIntake, mergedLearners } from '../../lib/grading/intake.ts';
import type { MergedLearner } from '../../lib/grading/intake.ts';
import { indexKit, isKitText, parseTrainerKit } from '../../lib/grading/kit.ts';
import { addKit, examVersions, kitFor, newestQuestion, signingKitKey } from '../../lib/grading/kit-set.ts';
import type { KitIndex } from '../../lib/grading/kit.ts';
import { itemAnalysis } from '../../lib/grading/items.ts';
import {
  certificateClaims,
  certificateCode,
  resultsPayload,
  serializeSignedResults,
  signResults,
} from '../../lib/grading/results.ts';
import type { CertificateClaims, SignedResultsFile } from '../../lib/grading/results.ts';
import { rosterCsv } from '../../lib/grading/roster-csv.ts';
import { toCsv } from '../../lib/progress/csv.ts';
import { centerDateTime, centerDay } from '../../lib/time/center-time.ts';
import { downloadText } from '../../client/download.ts';
import { certificateSheet } from '../../client/certificate-sheet.ts';
import { stringsFrom } from '../../client/strings.ts';
import type { Translate } from '../../client/strings.ts';
import type { DashboardPageData } from './dashboard-data.ts';
import { renderIssues, renderItems, renderReview, renderRoster } from './dashboard-views.ts';

const MAX_FILE_BYTES = 5 * 1024 * 1024;
/** Longest stretch of reading or grading before the page gets a turn to paint and answer input. */
const SLICE_MS = 50;
// scheduler.yield where the browser has it; setTimeout(0) is clamped to 4 ms once nested, ~0.5 s over a big drop.
const nextTask = (): Promise<unknown> =>
  (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler?.yield?.() ??
  new Promise((resolve) => setTimeout(resolve, 0));

/**
 * The trainer's dashboard: the trainer kit and learners' files in one drop; every submission graded
 * against the kit, simulations reviewed, results signed. Nothing leaves the page except downloads.
 */
class TrainerDashboard extends HTMLElement {
  #t: Translate = (k) => k;
  #data!: DashboardPageData;
  /** Every kit dropped (the current build's and earlier ones), newest first. */
  #kits: KitIndex[] = [];
  #intake = emptyIntake();
  #overrides = new Map<string, Override>();
  #graded: LearnerGrades[] = [];
  #signed = new Map<string, SignedResultsFile>();
  #certs: { claims: CertificateClaims; code: string; examTitle: string }[] = [];
  /** Bumped by each grading run: a run that sees it change was overtaken and drops its result. */
  #generation = 0;
  #rowsOf: { graded: LearnerGrades[]; rows: RosterRow[] } | undefined;

  connectedCallback() {
    this.#t = stringsFrom(this);
    this.#data = JSON.parse(this.querySelector('script[data-dashboard]')?.textContent ?? '{}') as DashboardPageData;
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
    this.querySelector('.db-review-filter')!.addEventListener('change', () => this.#renderReview());
    this.querySelector('.db-review-query')!.addEventListener('input', () => this.#renderReview());
    this.querySelector('.db-export-roster')!.addEventListener('click', () => this.#exportRoster());
    this.querySelector('.db-export-items')!.addEventListener('click', () => this.#exportItems());
    this.querySelector('.db-sign')!.addEventListener('click', () => void this.#sign());
    this.querySelector('.db-download-all')!.addEventListener('click', () => {
      for (const id of this.#signed.keys()) this.#download(id);
    });
    this.querySelector('.db-print-certs')!.addEventListener('click', () => this.#printCertificates());
    window.addEventListener('afterprint', () => this.classList.remove('db-printing'));
    this.querySelector('.db-month')!.textContent = this.#t('dash.col.month', { month: this.#monthLabel() });
    this.#say(this.#t('dash.noKit'));
  }

  #say(message: string) {
    this.querySelector('.db-status')!.textContent = message;
  }

  #monthExamId(): string | undefined {
    const today = centerDay(new Date());
    const exams = examVersions(this.#kits).filter((e) => e.kind === 'monthly');
    return (
      exams.find((e) => e.window && e.window.opens <= today && today <= e.window.closes)?.id ??
      exams.find((e) => e.id === today.slice(0, 7))?.id
    );
  }

  #monthLabel(): string {
    return this.#monthExamId() ?? centerDay(new Date()).slice(0, 7);
  }

  async #load(files: File[]) {
    const t = this.#t;
    // Every file's read starts at once (the browser reads while earlier files are parsed); each is merged as
    // it arrives, and its checksum digest finishes in parallel with the next files.
    const texts = files.map((file) => {
      if (file.size > MAX_FILE_BYTES) return undefined;
      const reading = file.text();
      reading.catch(() => undefined); // a failed read is reported in order below, not as an unhandled rejection
      return reading;
    });
    const digests: Promise<void>[] = [];
    let slice = performance.now();
    for (const [i, file] of files.entries()) {
      const reading = texts[i];
      if (!reading) {
        this.#intake.rejected.push({ file: file.name, reason: t('dash.tooBig', { mb: MAX_FILE_BYTES / 1024 / 1024 }) });
        continue;
      }
      try {
        const text = await reading;
        if (isKitText(text)) {
          const parsed = parseTrainerKit(text);
          if (parsed.ok) this.#kits = addKit(this.#kits, indexKit(parsed.kit));
          else this.#intake.rejected.push({ file: file.name, reason: parsed.reason });
        } else {
          digests.push(
            addProgressText(this.#intake, file.name, text).catch((e: unknown) => {
              this.#intake.rejected.push({
                file: file.name,
                reason: t('dash.unreadable', { message: (e as Error).message }),
              });
            }),
          );
        }
      } catch (e) {
        this.#intake.rejected.push({
          file: file.name,
          reason: t('dash.unreadable', { message: (e as Error).message }),
        });
      }
      if (performance.now() - slice > SLICE_MS) {
        this.#say(t('dash.loading', { done: i + 1, total: files.length }));
        await nextTask();
        slice = performance.now();
      }
    }
    await Promise.all(digests);
    this.#signed.clear();
    this.#certs = [];
    await this.#regrade();
    const misses = this.#intake.searchMisses.map((searchMisses) => ({ searchMisses }));
    document.dispatchEvent(new CustomEvent('dashboard:files', { detail: misses }));
  }

  /**
   * Every learner graded, a slice at a time so the page keeps answering and shows how far it is; undefined
   * when a newer drop or 人工复核 started grading meanwhile (its result replaces this one).
   */
  async #gradeInSlices(learners: readonly MergedLearner[]): Promise<LearnerGrades[] | undefined> {
    const generation = ++this.#generation;
    const graded: LearnerGrades[] = [];
    let slice = performance.now();
    for (const learner of learners) {
      graded.push(gradeLearner(learner, this.#kits, this.#overrides));
      if (performance.now() - slice > SLICE_MS) {
        this.#say(this.#t('dash.grading', { done: graded.length, total: learners.length }));
        await nextTask();
        if (generation !== this.#generation) return undefined;
        slice = performance.now();
      }
    }
    return graded;
  }

  async #regrade(keepReview = 0): Promise<void> {
    const t = this.#t;
    const learners = mergedLearners(this.#intake);
    this.querySelector<HTMLButtonElement>('.db-sign')!.disabled = true;
    const graded = this.#kits.length ? await this.#gradeInSlices(learners) : [];
    if (!graded) return;
    this.#graded = graded;
    const kit = this.#kits[0]?.kit;
    const kitLine = this.querySelector('.db-kit')!;
    if (kit) {
      const key = signingKitKey(this.#kits);
      const site = this.#data.publicKeys.map((k) => k.kid).join('、');
      const keyNote = !key
        ? t('dash.kitNoKey')
        : this.#data.publicKeys.some((k) => k.kid === key.kid)
          ? ''
          : t('dash.kitWrongKey', { kid: key.kid, site });
      const earlier = this.#kits.slice(1).map((k) => centerDateTime(new Date(k.kit.builtAt)));
      kitLine.textContent = `${t('dash.kitLoaded', {
        exams: kit.exams.length,
        questions: kit.questions.length,
        sims: kit.simulations.length,
        at: centerDateTime(new Date(kit.builtAt)),
      })}${earlier.length ? t('dash.kitsEarlier', { n: earlier.length, at: earlier.join('、') }) : ''} ${keyNote}`;
      this.querySelector('.db-month')!.textContent = t('dash.col.month', { month: this.#monthLabel() });
    }
    this.querySelector<HTMLButtonElement>('.db-sign')!.disabled = !this.#canSign();
    const rows = this.#rows();
    const notCounted = rows.reduce((n, r) => n + r.notCounted.length, 0);
    this.#say(
      kit
        ? t('dash.loaded', {
            total: this.#intake.files.size,
            learners: learners.length,
            rejected: this.#intake.rejected.length,
            notCounted,
          })
        : t('dash.noKit'),
    );
    renderIssues(this, this.#intake.rejected, this.#graded, t);
    this.#renderRoster();
    this.#renderReview(keepReview);
    renderItems(this, itemAnalysis(this.#graded), (id) => newestQuestion(this.#kits, id), this.#data.topics, t);
  }

  /** How many review rows are open, so a re-grade after a 人工复核 keeps the trainer's place. */
  #reviewShown: () => number = () => 0;

  #renderReview(keep = 0) {
    this.#reviewShown = renderReview(
      this,
      this.#graded,
      this.#overrides,
      this.#t,
      (g, id) => kitFor(this.#kits, g.attempt.examId, g.attempt.examVersion)?.simulations.get(id),
      (attemptId, simulationId, override) => {
        const key = overrideKey(attemptId, simulationId);
        this.#overrides.set(key, override);
        this.#signed.clear();
        this.#certs = [];
        void this.#regrade(this.#reviewShown()).then(() => {
          const again = this.querySelector<HTMLElement>(`.db-sim[data-key="${CSS.escape(key)}"]`);
          if (!again) return;
          again.tabIndex = -1;
          again.focus();
        });
      },
      keep,
    );
  }

  #canSign(): boolean {
    const key = signingKitKey(this.#kits);
    return Boolean(key && this.#data.publicKeys.some((k) => k.kid === key.kid) && this.#graded.length);
  }

  /** Roster rows of the current grading (the status line, the table, its filter and the CSV all read them). */
  #rows(): RosterRow[] {
    if (this.#rowsOf?.graded !== this.#graded) {
      const month = this.#monthExamId();
      this.#rowsOf = {
        graded: this.#graded,
        rows: this.#graded.map((lg) => rosterRow(lg, month, this.#data.mustRead)),
      };
    }
    return this.#rowsOf.rows;
  }

  #renderRoster() {
    const filter = this.querySelector<HTMLInputElement>('.db-filter')!.value.trim().toLowerCase();
    const rows = this.#rows().filter(
      (r) => !filter || r.employeeId.toLowerCase().includes(filter) || r.name.toLowerCase().includes(filter),
    );
    renderRoster(this, rows, this.#signed, this.#t, (id) => this.#download(id));
    this.querySelector<HTMLElement>('.db-download-all')!.hidden = this.#signed.size === 0;
    this.querySelector<HTMLElement>('.db-print-certs')!.hidden = this.#certs.length === 0;
  }

  async #sign() {
    const t = this.#t;
    const key = signingKitKey(this.#kits);
    if (!key || !this.#canSign()) return;
    const issuedAt = new Date().toISOString();
    this.#signed.clear();
    this.#certs = [];
    for (const lg of this.#graded) {
      const certs = new Map<string, string>();
      const c = certificateClaims(lg, key.kid);
      if (c) {
        const code = await certificateCode(c.claims, key);
        certs.set(c.attemptId, code);
        const title = examVersions(this.#kits).find((e) => e.id === c.claims.examId)?.title ?? c.claims.examId;
        this.#certs.push({ claims: c.claims, code, examTitle: title });
      }
      const payload = resultsPayload(lg, key.kid, issuedAt, certs);
      if (payload.results.length || payload.notCounted.length)
        this.#signed.set(lg.learner.employeeId, await signResults(payload, key));
    }
    this.querySelector('.db-sign-status')!.textContent = t('dash.signed', {
      learners: this.#signed.size,
      kid: key.kid,
      certs: this.#certs.length,
    });
    this.#renderRoster();
  }

  #download(employeeId: string) {
    const file = this.#signed.get(employeeId);
    if (!file) return;
    const safe = employeeId.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 40) || 'unknown';
    downloadText(`results-${safe}-${centerDay(new Date())}.json`, serializeSignedResults(file), 'application/json');
  }

  #printCertificates() {
    const box = this.querySelector('.db-certs')!;
    box.replaceChildren(
      ...this.#certs.map((c) => certificateSheet(c.claims, c.code, c.examTitle, this.#data.center, this.#t)),
    );
    this.classList.add('db-printing');
    window.print();
  }

  #exportRoster() {
    const csv = rosterCsv(this.#rows(), this.#monthLabel());
    downloadText(`roster-${centerDay(new Date())}.csv`, csv, 'text/csv;charset=utf-8');
  }

  #exportItems() {
    const t = this.#t;
    const analysis = itemAnalysis(this.#graded);
    const q = (id: string) => newestQuestion(this.#kits, id);
    const csv = toCsv(
      [
        t('dash.questionId'),
        t('dash.question'),
        t('dash.topic'),
        t('dash.rate'),
        t('dash.answered'),
        t('dash.correct'),
        t('dash.learn'),
      ],
      analysis.questions.map((s) => [
        s.id,
        q(s.id)?.stem ?? '',
        this.#data.topics[s.topic] ?? s.topic,
        Math.round(s.rate * 1000) / 10,
        s.answered,
        s.correct,
        q(s.id)?.ref ?? '',
      ]),
    );
    downloadText(`item-analysis-${centerDay(new Date())}.csv`, csv, 'text/csv;charset=utf-8');
  }
}

customElements.define('trainer-dashboard', TrainerDashboard);
