import { loadAttempts, loadLearner, saveAttempt, saveLearner } from '../../client/attempt-store.ts';
import { el, ignoreRepeatClicks } from '../../client/dom.ts';
import { acquireExamLock, type ExamLock } from '../../client/exam-lock.ts';
import { clearSession, readSession, writeSession } from '../../client/exam-session-store.ts';
import { loadPractice, recordPractice } from '../../client/practice-store.ts';
import { stringsFrom, type Translate } from '../../client/strings.ts';
import { banksFromQuestions } from '../../lib/quiz/banks.ts';
import { practiceOrder } from '../../lib/quiz/draw.ts';
import type { ExamPayload, QuizPayload } from '../../lib/quiz/payload.ts';
import type { PublicQuestion, QuestionView } from '../../lib/quiz/public.ts';
import { newSeed } from '../../lib/quiz/random.ts';
import { retakeDecision } from '../../lib/quiz/retake.ts';
import { unsealedAnswers } from '../../lib/quiz/seal.ts';
import * as S from '../../lib/quiz/session.ts';
import type { ExamSession } from '../../lib/quiz/session.ts';
import type { Response } from '../../lib/quiz/types.ts';
import { startExamTimer } from './exam-timer.ts';
import { nextStepView, windowNote, wireIdentity } from './gate-view.ts';
import { navigator, summaryLines } from './navigator-view.ts';
import { optionControls, orderAdd, orderUndo, practiceVerdict, questionKey } from './question-view.ts';
import { PracticalStage } from './practical-stage.ts';
import { receiptView, resultView } from './result-view.ts';

type View = 'gate' | 'question' | 'summary' | 'practical' | 'result';

/** The quiz runner: wires the gate, question, summary and result views to a pure session (lib/quiz/session.ts). */
export class QuizRunner extends HTMLElement {
  #t: Translate = (k) => k;
  #data!: QuizPayload;
  #byId = new Map<string, QuestionView | PublicQuestion>();
  #s!: ExamSession;
  #checked = false;
  #practiceRight = 0;
  #finished = false;
  #lock: ExamLock | undefined;
  #timer: number | undefined;
  #practical: PracticalStage | undefined;

  connectedCallback() {
    this.#t = stringsFrom(this);
    this.#data = JSON.parse(this.querySelector('script[data-quiz]')?.textContent ?? '{}') as QuizPayload;
    this.#byId = new Map(this.#data.questions.map((q) => [q.id, q]));
    this.addEventListener('keydown', (e) => this.#onKey(e));
    this.#part('.qr-nav-prev').addEventListener('click', () => this.#go(this.#s.index - 1));
    this.#part('.qr-nav-next').addEventListener('click', () => this.#primary());
    this.#part('.qr-nav-submit').addEventListener('click', () => this.#openSummary());
    this.#part('.qr-flag').addEventListener('click', () => this.#toggleFlag());
    this.#part('.qr-summary-back').addEventListener('click', () => this.#show('question'));
    ignoreRepeatClicks(this);
    this.#part('.qr-summary-confirm').addEventListener('click', () => this.#confirm());
    this.#part('.qr-form').addEventListener('submit', (e) => {
      e.preventDefault();
      this.#primary();
    });
    if (this.#data.mode === 'practice') return this.#startPractice();
    const root = this.querySelector<HTMLElement>('.qr-practical');
    if (root) this.#practical = new PracticalStage(root, this.#t, this.#data.simulations, this.#practicalHost);
    void this.#setupGate(this.#data);
  }

  disconnectedCallback() {
    window.clearInterval(this.#timer);
    this.#lock?.release();
  }

  #part<T extends HTMLElement = HTMLElement>(selector: string): T {
    return this.querySelector<T>(selector)!;
  }

  #show(view: View) {
    for (const section of this.querySelectorAll<HTMLElement>(':scope > section'))
      section.hidden = !section.classList.contains(`qr-${view}`);
    this.#part('.qr-intro').hidden = view !== 'gate' && view !== 'result';
    if (view === 'question') this.#renderNavigator();
  }

  #exam(): ExamPayload['exam'] {
    return (this.#data as ExamPayload).exam;
  }

  // ---- gate: window, identity, retake rule, one tab, resume ----

  async #setupGate(data: ExamPayload) {
    const { exam } = data;
    const t = this.#t;
    this.#show('gate');
    const form = this.#part<HTMLFormElement>('.qr-identity');
    const message = this.#part('.qr-gate-message');
    const note = windowNote(t, exam, new Date());
    this.#part('.qr-window').textContent = note.text;
    this.#part('.qr-window').classList.toggle('qr-closed', !note.open);
    if (!note.open) return void (form.hidden = true);
    const sims = new Set(data.simulations.map((s) => s.id));
    const resumed = S.parseSession(readSession(exam.id), exam, new Set(this.#byId.keys()), sims);
    if (resumed) {
      // A running exam belongs to the tab holding its lock; any other tab is told so and cannot submit it.
      if (!(await this.#takeLock(form))) return;
      this.#s = resumed;
      if (S.timeIsUp(resumed, exam, new Date())) return this.#finish(true);
      if (S.inPractical(resumed)) return this.#beginPractical();
      return this.#beginQuestions(t('quiz.resumed'));
    }
    wireIdentity(form, message, t, loadLearner(), (who) => {
      const d = retakeDecision(exam, loadAttempts().items, who.employeeId, loadPractice(), new Date());
      // Blocked: say why and link the practice each failed topic needs (seed 004).
      if (!d.ok) return void message.replaceChildren(nextStepView(t, d, [], who, this.#topicName, () => undefined));
      saveLearner(who);
      void this.#takeLock(form).then((ok) => ok && this.#startExam(who));
    });
  }

  #topicName = (id: string) => this.#data.topics[id] ?? id;

  async #takeLock(form: HTMLElement): Promise<boolean> {
    this.#lock ??= await acquireExamLock(this.#exam().id);
    if (this.#lock) return true;
    form.hidden = true;
    this.#part('.qr-gate-message').textContent = this.#t('quiz.openElsewhere');
    return false;
  }

  #startExam(learner: { employeeId: string; name: string }) {
    const exam = this.#exam();
    try {
      this.#s = S.startSession(exam, banksFromQuestions(this.#data.questions), {
        attemptId: crypto.randomUUID(),
        seed: newSeed(),
        now: new Date(),
        learner,
        simulations: (this.#data as ExamPayload).simulations.map(({ id, topic }) => ({ id, topic })),
      });
    } catch (e) {
      this.#show('gate');
      this.#part('.qr-gate-message').textContent = this.#t('quiz.cannotDraw', { reason: (e as Error).message });
      return;
    }
    this.#finished = false;
    this.#save();
    this.#beginQuestions();
  }

  #save() {
    if (this.#data.mode !== 'practice') writeSession(this.#exam().id, this.#s);
  }

  #update(s: ExamSession) {
    this.#s = s;
    this.#save();
  }

  #practicalHost = {
    session: () => this.#s,
    update: (s: ExamSession) => this.#update(s),
    openSummary: () => this.#openSummary(),
  };

  // ---- practice ----

  #startPractice() {
    const topic = this.#data.mode === 'practice' ? this.#data.topic : '';
    this.#s = S.practiceSession(topic, practiceOrder(topic, this.#data.questions, newSeed()));
    this.#practiceRight = 0;
    this.#beginQuestions();
  }

  // ---- questions ----

  #beginQuestions(notice?: string) {
    const practice = this.#data.mode === 'practice';
    this.#show('question');
    for (const sel of ['.qr-nav-prev', '.qr-nav-submit', '.qr-flag', '.qr-navigator-box'])
      this.#part(sel).hidden = practice;
    if (!practice) this.#startTimer();
    this.#renderQuestion();
    if (notice) this.#part('.qr-feedback').textContent = notice;
  }

  #startTimer() {
    window.clearInterval(this.#timer);
    const exam = { startedAt: this.#s.startedAt, minutes: this.#exam().timeLimitMinutes };
    this.#timer = startExamTimer(this, this.#t, exam, () => this.#finish(true));
  }

  // ---- 实操: after the questions, the paper's calls (practical-stage.ts) ----

  #beginPractical() {
    this.#startTimer();
    this.#show('practical');
    this.#practical?.render();
  }

  /** The summary's main button: into the practical stage while calls remain, else hand the paper in. */
  #confirm() {
    if (this.#practical && S.paperSimulations(this.#s).length && !S.inPractical(this.#s)) {
      this.#update(S.startPractical(this.#s));
      return this.#beginPractical();
    }
    this.#finish(false);
  }

  #current() {
    const pq = this.#s.paper.questions[this.#s.index]!;
    return { pq, q: this.#byId.get(pq.id)! };
  }

  #renderQuestion() {
    const t = this.#t;
    const { q } = this.#current();
    const total = this.#s.paper.questions.length;
    this.#checked = false;
    this.#part('.qr-progress').textContent = t('quiz.progress', { n: this.#s.index + 1, total });
    const topic = this.#current().pq.topic;
    this.#part('.qr-topic').textContent = `${this.#data.topics[topic] ?? topic} · ${t(`quiz.type.${q.type}`)}`;
    this.#part('.qr-stem').textContent = q.stem;
    this.#renderOptions(false);
    this.#part('.qr-feedback').replaceChildren();
    const last = this.#s.index === total - 1;
    const practice = this.#data.mode === 'practice';
    this.#part('.qr-nav-next').textContent = practice ? t('quiz.check') : last ? t('quiz.toSummary') : t('quiz.next');
    this.#part<HTMLButtonElement>('.qr-nav-prev').disabled = this.#s.index === 0;
    const flagged = this.#s.flags.includes(q.id);
    this.#part('.qr-flag').setAttribute('aria-pressed', String(flagged));
    this.#part('.qr-flag').textContent = flagged ? t('quiz.flag.on') : t('quiz.flag.off');
    this.#renderNavigator();
    const first = this.#part('.qr-options').querySelector<HTMLElement>('input, button');
    (first ?? this.#part('.qr-stem')).focus();
  }

  #renderOptions(refocus: boolean) {
    const { pq, q } = this.#current();
    const box = this.#part('.qr-options');
    const response = this.#s.responses[q.id] ?? null;
    box.replaceChildren(
      ...optionControls(
        this.#t,
        pq,
        q,
        response,
        (v) => this.#respond(q.id, v),
        () => this.#renderOptions(true),
      ),
    );
    if (!refocus) return;
    // Once every item is placed, Enter should move on rather than press "undo".
    const nextItem = box.querySelector<HTMLButtonElement>('.qr-order-item:not(:disabled)');
    (nextItem ?? this.#part('.qr-nav-next')).focus();
  }

  #renderNavigator() {
    if (this.#data.mode === 'practice' || !this.#s) return;
    const statuses = S.questionStatuses(this.#s, this.#byId);
    const go = (i: number) => this.#go(i);
    this.#part('.qr-navigator-box').replaceChildren(navigator(this.#t, statuses, go));
    this.#part('.qr-summary-nav').replaceChildren(navigator(this.#t, statuses, go));
  }

  #respond(id: string, value: Response) {
    if (this.#checked || this.#finished) return;
    this.#s = S.respond(this.#s, id, value);
    this.#save();
    this.#renderNavigator();
  }

  #toggleFlag() {
    this.#s = S.toggleFlag(this.#s, this.#current().q.id);
    this.#save();
    this.#renderQuestion();
    this.#part('.qr-flag').focus();
  }

  #onKey(e: KeyboardEvent) {
    if (this.#part('.qr-question').hidden) return;
    const { pq, q } = this.#current();
    const action = questionKey(e, q.type);
    if (!action) return;
    e.preventDefault();
    if (action.kind === 'primary') return void (e.repeat || this.#primary());
    if (this.#checked) return;
    const response = this.#s.responses[q.id] ?? null;
    if (action.kind === 'undo' || q.type === 'order') {
      const next = action.kind === 'undo' ? orderUndo(response) : orderAdd(pq, response, action.index);
      if (next !== undefined) this.#respond(q.id, next);
      return this.#renderOptions(true);
    }
    const input = this.#part('.qr-options').querySelectorAll<HTMLInputElement>('input')[action.index];
    if (!input) return;
    input.checked = q.type === 'multiple' ? !input.checked : true;
    input.dispatchEvent(new Event('change'));
    input.focus();
  }

  /** Enter / the main button: practice checks then advances; an exam moves on, and opens the summary at the end. */
  #primary() {
    const last = this.#s.index === this.#s.paper.questions.length - 1;
    if (this.#data.mode !== 'practice') return last ? this.#openSummary() : this.#go(this.#s.index + 1);
    if (!this.#checked) this.#practiceCheck();
    else if (last) this.#practiceDone();
    else this.#go(this.#s.index + 1);
  }

  #go(index: number) {
    this.#s = S.goTo(this.#s, index);
    this.#save();
    this.#show('question');
    this.#renderQuestion();
  }

  #practiceCheck() {
    const q = this.#current().q as PublicQuestion;
    const { right, feedback } = practiceVerdict(this.#t, q, this.#s.responses[q.id] ?? null);
    if (right) this.#practiceRight++;
    this.#checked = true;
    for (const c of this.#part('.qr-options').querySelectorAll<HTMLInputElement>('input, button')) c.disabled = true;
    this.#part('.qr-feedback').replaceChildren(feedback);
    const last = this.#s.index === this.#s.paper.questions.length - 1;
    this.#part('.qr-nav-next').textContent = last ? this.#t('quiz.finishPractice') : this.#t('quiz.next');
    this.#part('.qr-nav-next').focus();
  }

  #practiceDone() {
    const t = this.#t;
    const total = this.#s.paper.questions.length;
    if (this.#data.mode === 'practice') recordPractice(this.#data.topic, this.#practiceRight, total);
    const again = el('button', { type: 'button' }, t('quiz.practiceAgain'));
    again.addEventListener('click', () => this.#startPractice());
    this.#renderResultParts([el('p', {}, t('quiz.practiceDone', { right: this.#practiceRight, total })), again]);
  }

  // ---- summary, submit, result ----

  #openSummary() {
    const exam = this.#exam();
    const summary = S.sessionSummary(this.#s, this.#byId, exam.timeLimitMinutes, new Date());
    this.#part('.qr-summary-counts-box').replaceChildren(summaryLines(this.#t, summary));
    this.#show('summary');
    this.#renderNavigator();
    // Before the calls the summary leads into them; after, the questions are closed and it only hands in.
    const before = summary.calls > 0 && !S.inPractical(this.#s);
    const after = S.inPractical(this.#s);
    this.#part('.qr-summary-lock').hidden = !before;
    for (const sel of ['.qr-summary-back', '.qr-summary-nav']) this.#part(sel).hidden = after;
    this.#part('.qr-summary-hint').textContent = this.#t(after ? 'quiz.summary.hintPractical' : 'quiz.summary.hint');
    this.#part('.qr-summary-confirm').textContent = before
      ? this.#t('quiz.practical.start', { n: summary.calls })
      : this.#t('quiz.summary.confirm');
    // Focus the heading, not the confirm button: a repeated Enter never submits.
    this.#part('.qr-summary-title').focus();
  }

  #finish(forced: boolean) {
    if (this.#finished) return;
    this.#finished = true;
    window.clearInterval(this.#timer);
    const exam = this.#exam();
    const now = new Date();
    const t = this.#t;
    const onPaper = this.#s.paper.questions.map((pq) => this.#byId.get(pq.id)!);
    const answers = this.#data.mode === 'exam' ? unsealedAnswers(onPaper as PublicQuestion[]) : undefined;
    const result = answers && S.gradeSession(this.#s, exam, answers);
    // The same paper is never handed in twice (another tab, or a stale session).
    const already = loadAttempts().items.some((a) => a.id === this.#s.attemptId);
    const saved = already ? { ok: true as const } : saveAttempt(S.buildAttempt(this.#s, exam, now, result));
    if (saved.ok) clearSession(exam.id);
    this.#lock?.release();
    this.#lock = undefined;
    const parts: HTMLElement[] = forced ? [el('p', { className: 'qr-timeup', role: 'alert' }, t('quiz.timeUp'))] : [];
    const byId = this.#byId as Map<string, PublicQuestion>;
    const { topics } = this.#data;
    if (result && answers)
      parts.push(...resultView(t, { exam, result, topics, byId, responses: this.#s.responses, answers }));
    else parts.push(...receiptView(t, S.receipt(this.#s, this.#byId, exam.timeLimitMinutes, now)));
    const note = saved.ok ? t('quiz.saved') : t('quiz.saveFailed', { reason: saved.reason });
    parts.push(el('p', { className: 'muted' }, note));
    if (result && !result.passed && exam.retake !== 'none') parts.push(this.#nextStep(result.failedMustPass));
    this.#renderResultParts(parts);
  }

  #nextStep(failed: string[]): HTMLElement {
    const { employeeId } = this.#s.learner;
    const d = retakeDecision(this.#exam(), loadAttempts().items, employeeId, loadPractice(), new Date());
    return nextStepView(this.#t, d, failed, this.#s.learner, this.#topicName, () => {
      const learner = this.#s.learner;
      void acquireExamLock(this.#exam().id).then((lock) => {
        this.#lock = lock;
        if (lock) this.#startExam(learner);
        else this.#part('.qr-result').append(el('p', { role: 'alert' }, this.#t('quiz.openElsewhere')));
      });
    });
  }

  #renderResultParts(parts: HTMLElement[]) {
    this.#show('result');
    const title = this.#data.mode === 'sealed' ? this.#t('quiz.receipt.title') : this.#t('quiz.result');
    const section = this.#part('.qr-result');
    section.replaceChildren(el('h2', {}, title), ...parts);
    section.focus();
  }
}

customElements.define('quiz-runner', QuizRunner);
