import { banksFromQuestions } from '../lib/quiz/banks.ts';
import { drawPaper, practiceOrder } from '../lib/quiz/draw.ts';
import { answerText, isAnswered } from '../lib/quiz/present.ts';
import type { PublicQuestion } from '../lib/quiz/public.ts';
import type { QuizPayload } from '../lib/quiz/payload.ts';
import { newSeed } from '../lib/quiz/random.ts';
import { monthlyAssessmentEffect, scoreAttempt } from '../lib/quiz/score.ts';
import type { AttemptResult, Gradable } from '../lib/quiz/score.ts';
import { openExplanation, recoverAnswer } from '../lib/quiz/seal.ts';
import type { Answer, Paper, PaperQuestion, Response } from '../lib/quiz/types.ts';
import { formatClock, secondsLeft, windowState } from '../lib/quiz/window.ts';
import { canStart } from '../lib/progress/attempts.ts';
import type { Attempt } from '../lib/progress/attempts.ts';
import { loadAttempts, loadLearner, saveAttempt, saveLearner } from './attempt-store.ts';
import { el } from './dom.ts';
import { stringsFrom } from './strings.ts';
import type { Translate } from './strings.ts';

interface Session {
  paper: Paper;
  responses: Record<string, Response>;
  index: number;
  startedAt: string;
  learner?: { employeeId: string; name: string };
}

const SESSION_PREFIX = 'kb.exam-session.';

export class QuizRunner extends HTMLElement {
  #t: Translate = (k) => k;
  #data!: QuizPayload;
  #byId = new Map<string, PublicQuestion>();
  #session: Session | undefined;
  #checked = false;
  #practiceRight = 0;
  #confirmSubmit = false;
  #timer: number | undefined;

  connectedCallback() {
    this.#t = stringsFrom(this);
    this.#data = JSON.parse(this.querySelector('script[data-quiz]')?.textContent ?? '{}') as QuizPayload;
    this.#byId = new Map(this.#data.questions.map((q) => [q.id, q]));
    this.addEventListener('keydown', (e) => this.#onKey(e));
    this.#part('.qr-nav-prev').addEventListener('click', () => this.#go(-1));
    this.#part('.qr-nav-next').addEventListener('click', () => this.#primary());
    this.#part('.qr-nav-submit').addEventListener('click', () => this.#submit(false));
    this.#part('.qr-form').addEventListener('submit', (e) => {
      e.preventDefault();
      this.#primary();
    });
    if (this.#data.mode === 'practice') this.#startPractice();
    else this.#setupGate();
  }

  #part<T extends HTMLElement = HTMLElement>(selector: string): T {
    return this.querySelector<T>(selector)!;
  }

  #show(section: 'gate' | 'question' | 'result') {
    for (const name of ['gate', 'question', 'result']) this.#part(`.qr-${name}`).hidden = name !== section;
  }

  // ---- exam gate: window, identity, retake rule, resume ----

  #setupGate() {
    const exam = this.#data.exam!;
    const t = this.#t;
    this.#show('gate');
    const windowNote = this.#part('.qr-window');
    const form = this.#part<HTMLFormElement>('.qr-identity');
    const state = windowState(exam.window, new Date());
    if (exam.window) {
      const vars = { opens: exam.window.opens, closes: exam.window.closes };
      windowNote.textContent = t(
        `quiz.window.${state === 'open' ? 'open' : state === 'not-yet' ? 'notYet' : 'closed'}`,
        vars,
      );
      windowNote.classList.toggle('qr-closed', state !== 'open');
    }
    if (state !== 'open') {
      form.hidden = true;
      return;
    }
    const learner = loadLearner();
    const idInput = form.querySelector<HTMLInputElement>('[name=employeeId]')!;
    const nameInput = form.querySelector<HTMLInputElement>('[name=name]')!;
    if (learner) {
      idInput.value = learner.employeeId;
      nameInput.value = learner.name;
    }
    const resumed = this.#loadSession();
    if (resumed && secondsLeft(resumed.startedAt, exam.timeLimitMinutes, new Date()) > 0) {
      this.#session = resumed;
      this.#beginQuestions(t('quiz.resumed'));
      return;
    }
    if (resumed) {
      // The clock ran out while the page was closed: submit what was answered.
      this.#session = resumed;
      this.#submit(true);
      return;
    }
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      const employeeId = idInput.value.trim();
      const name = nameInput.value.trim();
      const message = this.#part('.qr-gate-message');
      if (!employeeId || !name) {
        message.textContent = t('quiz.identityMissing');
        (employeeId ? nameInput : idInput).focus();
        return;
      }
      const decision = canStart(exam, loadAttempts().items, employeeId);
      if (!decision.ok) {
        message.textContent = t(decision.reason === 'passed' ? 'quiz.blocked.passed' : 'quiz.blocked.taken', {
          name,
          id: employeeId,
        });
        return;
      }
      saveLearner({ employeeId, name });
      this.#startExam({ employeeId, name });
    });
  }

  #startExam(learner: { employeeId: string; name: string }) {
    const exam = this.#data.exam!;
    const paper = drawPaper(exam, banksFromQuestions(this.#data.questions), newSeed());
    this.#session = { paper, responses: {}, index: 0, startedAt: new Date().toISOString(), learner };
    this.#saveSession();
    this.#beginQuestions();
  }

  #sessionKey() {
    return `${SESSION_PREFIX}${this.#data.exam?.id ?? ''}`;
  }

  #loadSession(): Session | undefined {
    try {
      const s = JSON.parse(localStorage.getItem(this.#sessionKey()) ?? 'null') as Session | null;
      if (
        s &&
        s.paper?.examVersion === this.#data.exam?.version &&
        s.paper.questions.every((q) => this.#byId.has(q.id))
      )
        return s;
    } catch {
      // An unreadable unfinished session cannot be resumed; a new paper is drawn instead.
    }
    return undefined;
  }

  #saveSession() {
    if (this.#data.mode !== 'exam' || !this.#session) return;
    try {
      localStorage.setItem(this.#sessionKey(), JSON.stringify(this.#session));
    } catch {
      // Resuming after a reload is a convenience; the attempt itself is saved on submit.
    }
  }

  #clearSession() {
    try {
      localStorage.removeItem(this.#sessionKey());
    } catch {
      // Nothing to clear.
    }
  }

  // ---- practice ----

  #startPractice() {
    const topic = this.#data.topic ?? '';
    const order = practiceOrder(topic, this.#data.questions, newSeed());
    this.#session = {
      paper: { examId: `practice-${topic}`, examVersion: '', seed: '', questions: order },
      responses: {},
      index: 0,
      startedAt: new Date().toISOString(),
    };
    this.#practiceRight = 0;
    this.#beginQuestions();
  }

  // ---- questions ----

  #beginQuestions(notice?: string) {
    this.#show('question');
    const exam = this.#data.exam;
    this.#part('.qr-nav-prev').hidden = this.#data.mode === 'practice';
    this.#part('.qr-nav-submit').hidden = this.#data.mode === 'practice';
    if (exam && this.#session) {
      const tick = () => {
        const left = secondsLeft(this.#session!.startedAt, exam.timeLimitMinutes, new Date());
        this.#part('.qr-timer').textContent = this.#t('quiz.timer', { time: formatClock(left) });
        if (left === 0) this.#submit(true);
      };
      tick();
      this.#timer = window.setInterval(tick, 1000);
    }
    this.#renderQuestion();
    if (notice) this.#part('.qr-feedback').textContent = notice;
  }

  #current(): { pq: PaperQuestion; q: PublicQuestion } {
    const pq = this.#session!.paper.questions[this.#session!.index]!;
    return { pq, q: this.#byId.get(pq.id)! };
  }

  #renderQuestion() {
    const t = this.#t;
    const { pq, q } = this.#current();
    const session = this.#session!;
    const total = session.paper.questions.length;
    this.#checked = false;
    this.#confirmSubmit = false;
    this.#part('.qr-progress').textContent = t('quiz.progress', { n: session.index + 1, total });
    this.#part('.qr-topic').textContent = `${this.#data.topics[pq.topic] ?? pq.topic} · ${t(`quiz.type.${q.type}`)}`;
    const legend = this.#part('.qr-stem');
    legend.textContent = q.stem;
    const box = this.#part('.qr-options');
    box.replaceChildren(...this.#optionControls(pq, q));
    this.#part('.qr-feedback').replaceChildren();
    this.#part('.qr-submit-note').textContent = '';
    const next = this.#part<HTMLButtonElement>('.qr-nav-next');
    const last = session.index === total - 1;
    next.textContent = this.#data.mode === 'practice' ? t('quiz.check') : last ? t('quiz.submit') : t('quiz.next');
    this.#part<HTMLButtonElement>('.qr-nav-prev').disabled = session.index === 0;
    const first = box.querySelector<HTMLElement>('input, button');
    (first ?? legend).focus({ preventScroll: false });
  }

  #optionControls(pq: PaperQuestion, q: PublicQuestion): HTMLElement[] {
    const t = this.#t;
    const response = this.#session!.responses[q.id] ?? null;
    const name = `q-${q.id}`;
    if (q.type === 'truefalse') {
      return [true, false].map((value, i) =>
        this.#choice('radio', name, `${i + 1}. ${value ? t('quiz.true') : t('quiz.false')}`, response === value, () => {
          this.#respond(q.id, value);
        }),
      );
    }
    if (q.type === 'order') return this.#orderControls(pq, q);
    const multiple = q.type === 'multiple';
    return pq.order.map((source, i) =>
      this.#choice(
        multiple ? 'checkbox' : 'radio',
        name,
        `${i + 1}. ${q.options[source]}`,
        multiple ? Array.isArray(response) && response.includes(source) : response === source,
        (checked) => {
          if (!multiple) return this.#respond(q.id, source);
          const current = new Set(
            Array.isArray(this.#session!.responses[q.id]) ? (this.#session!.responses[q.id] as number[]) : [],
          );
          if (checked) current.add(source);
          else current.delete(source);
          this.#respond(
            q.id,
            [...current].sort((a, b) => a - b),
          );
        },
      ),
    );
  }

  #choice(
    type: 'radio' | 'checkbox',
    name: string,
    label: string,
    checked: boolean,
    onChange: (checked: boolean) => void,
  ) {
    const input = el('input', { type, name, checked });
    input.addEventListener('change', () => onChange(input.checked));
    return el('label', { className: 'qr-option' }, input, ' ', label);
  }

  #orderControls(pq: PaperQuestion, q: PublicQuestion): HTMLElement[] {
    const t = this.#t;
    const chosen = Array.isArray(this.#session!.responses[q.id]) ? (this.#session!.responses[q.id] as number[]) : [];
    const pick = el('div', { className: 'qr-order-pick' }, el('p', {}, t('quiz.order.pick')));
    pq.order.forEach((source, i) => {
      const used = chosen.includes(source);
      const b = el(
        'button',
        { type: 'button', className: 'secondary qr-order-item', disabled: used },
        `${i + 1}. ${q.options[source]}`,
      );
      b.addEventListener('click', () => this.#orderAdd(i));
      pick.append(b);
    });
    const yours = el('ol', { className: 'qr-order-yours' }, ...chosen.map((s) => el('li', {}, q.options[s] ?? '')));
    const undo = el(
      'button',
      { type: 'button', className: 'secondary', disabled: chosen.length === 0 },
      t('quiz.order.undo'),
    );
    undo.addEventListener('click', () => this.#orderUndo());
    const clear = el(
      'button',
      { type: 'button', className: 'secondary', disabled: chosen.length === 0 },
      t('quiz.order.clear'),
    );
    clear.addEventListener('click', () => {
      this.#respond(q.id, null);
      this.#rerenderOptions();
    });
    return [
      pick,
      el('div', { className: 'qr-order-result' }, el('p', {}, t('quiz.order.yours')), yours, undo, ' ', clear),
    ];
  }

  #orderAdd(position: number) {
    const { pq, q } = this.#current();
    const source = pq.order[position];
    if (source === undefined || this.#checked) return;
    const chosen = Array.isArray(this.#session!.responses[q.id])
      ? [...(this.#session!.responses[q.id] as number[])]
      : [];
    if (chosen.includes(source)) return;
    this.#respond(q.id, [...chosen, source]);
    this.#rerenderOptions();
  }

  #orderUndo() {
    const { q } = this.#current();
    const chosen = Array.isArray(this.#session!.responses[q.id])
      ? [...(this.#session!.responses[q.id] as number[])]
      : [];
    chosen.pop();
    this.#respond(q.id, chosen.length ? chosen : null);
    this.#rerenderOptions();
  }

  #rerenderOptions() {
    const { pq, q } = this.#current();
    const box = this.#part('.qr-options');
    box.replaceChildren(...this.#optionControls(pq, q));
    // Once every item is placed, Enter should move on rather than press "undo".
    const nextItem = box.querySelector<HTMLButtonElement>('.qr-order-item:not(:disabled)');
    (nextItem ?? this.#part('.qr-nav-next')).focus();
  }

  #respond(id: string, value: Response) {
    if (this.#checked) return;
    this.#session!.responses[id] = value;
    this.#saveSession();
  }

  #onKey(e: KeyboardEvent) {
    if (this.#part('.qr-question').hidden || e.ctrlKey || e.metaKey || e.altKey) return;
    const target = e.target as HTMLElement;
    if (target.matches('input[type=text], textarea')) return;
    const { pq, q } = this.#current();
    if (/^[1-9]$/.test(e.key)) {
      const i = Number(e.key) - 1;
      e.preventDefault();
      if (q.type === 'order') return this.#orderAdd(i);
      const inputs = this.#part('.qr-options').querySelectorAll<HTMLInputElement>('input');
      const input = inputs[i];
      if (!input || this.#checked) return;
      input.checked = q.type === 'multiple' ? !input.checked : true;
      input.dispatchEvent(new Event('change'));
      input.focus();
      return;
    }
    if (e.key === 'Backspace' && q.type === 'order' && !this.#checked) {
      e.preventDefault();
      this.#orderUndo();
      return;
    }
    if (e.key === 'Enter' && !(target instanceof HTMLButtonElement) && !(target instanceof HTMLAnchorElement)) {
      e.preventDefault();
      this.#primary();
    }
    void pq;
  }

  /** Enter / the main button: practice checks then advances; an exam moves on, and submits at the end. */
  #primary() {
    const session = this.#session!;
    const last = session.index === session.paper.questions.length - 1;
    if (this.#data.mode === 'practice') {
      if (!this.#checked) this.#practiceCheck();
      else if (last) this.#practiceDone();
      else this.#go(1);
      return;
    }
    if (last) this.#submit(false);
    else this.#go(1);
  }

  #go(step: number) {
    const session = this.#session!;
    const next = session.index + step;
    if (next < 0 || next >= session.paper.questions.length) return;
    session.index = next;
    this.#saveSession();
    this.#renderQuestion();
  }

  #gradable(q: PublicQuestion): Gradable & { answer: Answer } {
    const answer = recoverAnswer(q, q.sealed);
    // A question whose check matches nothing cannot be graded: treat as unanswerable rather than crash.
    return { id: q.id, type: q.type, answer: answer ?? Number.NaN };
  }

  #practiceCheck() {
    const t = this.#t;
    const { q } = this.#current();
    const response = this.#session!.responses[q.id] ?? null;
    const graded = this.#gradable(q);
    const result = scoreAttempt(
      { examId: '', examVersion: '', seed: '', questions: [this.#current().pq] },
      { [q.id]: response },
      new Map([[q.id, graded]]),
      { passMark: 100, topicPassMark: 0, mustPass: [], partialCredit: false },
    );
    const right = result.score === 1;
    if (right) this.#practiceRight++;
    this.#checked = true;
    for (const input of this.#part('.qr-options').querySelectorAll<HTMLInputElement | HTMLButtonElement>(
      'input, button',
    ))
      input.disabled = true;
    const feedback = this.#part('.qr-feedback');
    feedback.replaceChildren(this.#explain(q, response, graded.answer, right));
    const last = this.#session!.index === this.#session!.paper.questions.length - 1;
    this.#part('.qr-nav-next').textContent = last ? t('quiz.submit') : t('quiz.next');
    this.#part('.qr-nav-next').focus();
  }

  #explain(q: PublicQuestion, response: Response, answer: Answer, right: boolean): HTMLElement {
    const t = this.#t;
    const words = { blank: t('quiz.blank'), yes: t('quiz.true'), no: t('quiz.false') };
    const box = el('div', { className: right ? 'qr-right' : 'qr-wrong' });
    box.append(el('p', { className: 'qr-verdict' }, right ? t('quiz.correct') : t('quiz.wrong')));
    if (!right) {
      box.append(el('p', {}, t('quiz.yourAnswer', { answer: answerText(q, response, words) })));
      box.append(el('p', {}, t('quiz.rightAnswer', { answer: answerText(q, answer, words) })));
    }
    box.append(el('p', {}, t('quiz.explanation', { text: openExplanation(q, q.sealed, answer) })));
    box.append(el('p', {}, t('quiz.learn'), ' ', el('a', { href: q.ref.url }, q.ref.label)));
    return box;
  }

  #practiceDone() {
    const t = this.#t;
    this.#show('result');
    const total = this.#session!.paper.questions.length;
    const again = el('button', { type: 'button' }, t('quiz.practiceAgain'));
    again.addEventListener('click', () => this.#startPractice());
    const result = this.#part('.qr-result');
    result.replaceChildren(
      el('h2', {}, t('quiz.result')),
      el('p', {}, t('quiz.practiceDone', { right: this.#practiceRight, total })),
      again,
    );
    result.focus();
  }

  // ---- exam submit and result ----

  #submit(forced: boolean) {
    const t = this.#t;
    const session = this.#session!;
    const exam = this.#data.exam!;
    const unanswered = session.paper.questions.filter(
      (pq) => !isAnswered(this.#byId.get(pq.id)!, session.responses[pq.id]),
    ).length;
    if (!forced && unanswered > 0 && !this.#confirmSubmit) {
      this.#confirmSubmit = true;
      this.#part('.qr-submit-note').textContent = t('quiz.submitConfirm', { n: unanswered });
      return;
    }
    window.clearInterval(this.#timer);
    const answers = new Map(session.paper.questions.map((pq) => [pq.id, this.#gradable(this.#byId.get(pq.id)!)]));
    const result = scoreAttempt(session.paper, session.responses, answers, {
      passMark: exam.passMark,
      topicPassMark: exam.topicPassMark,
      mustPass: exam.draws.filter((d) => d.mustPass).map((d) => d.topic),
      partialCredit: exam.partialCredit,
    });
    const attempt: Attempt = {
      id: crypto.randomUUID(),
      examId: exam.id,
      examVersion: exam.version,
      kind: exam.kind,
      grading: 'instant',
      status: 'graded',
      simulations: [],
      seed: session.paper.seed,
      learner: session.learner ?? { employeeId: '', name: '' },
      responses: session.responses,
      score: result.score,
      max: result.max,
      percent: result.percent,
      passed: result.passed,
      topics: result.topics.map(({ topic, score, max }) => ({ topic, score, max })),
      startedAt: session.startedAt,
      finishedAt: new Date().toISOString(),
    };
    const saved = saveAttempt(attempt);
    if (saved.ok) this.#clearSession();
    this.#renderResult(
      result,
      answers,
      saved.ok ? t('quiz.saved') : t('quiz.saveFailed', { reason: saved.reason }),
      forced,
    );
  }

  #renderResult(
    result: AttemptResult,
    answers: Map<string, Gradable & { answer: Answer }>,
    savedNote: string,
    forced: boolean,
  ) {
    const t = this.#t;
    const exam = this.#data.exam!;
    const session = this.#session!;
    this.#show('result');
    const section = this.#part('.qr-result');
    const verdict = el(
      'p',
      { className: `qr-verdict ${result.passed ? 'qr-pass' : 'qr-fail'}` },
      result.passed ? t('quiz.passed') : t('quiz.failed'),
    );
    const parts: HTMLElement[] = [el('h2', {}, t('quiz.result'))];
    if (forced) parts.push(el('p', {}, t('quiz.timeUp')));
    parts.push(
      el(
        'p',
        { className: 'qr-score' },
        t('quiz.score', { score: result.score, max: result.max, percent: result.percent }),
      ),
      verdict,
    );
    if (result.failedMustPass.length) {
      parts.push(
        el(
          'p',
          {},
          t('quiz.failedTopics', { topics: result.failedMustPass.map((id) => this.#data.topics[id] ?? id).join('、') }),
        ),
      );
    }
    if (exam.kind === 'monthly') {
      const effect = monthlyAssessmentEffect(result.percent);
      const key = effect === 5 ? 'quiz.effect.plus' : effect === 0 ? 'quiz.effect.none' : 'quiz.effect.minus';
      parts.push(el('p', { className: 'qr-effect' }, t('quiz.effect', { effect: t(key) })));
    }
    parts.push(el('p', { className: 'muted' }, savedNote));

    const rows = result.topics.map((topic) =>
      el(
        'tr',
        {},
        el('th', { scope: 'row' }, this.#data.topics[topic.topic] ?? topic.topic),
        el('td', {}, `${topic.score} / ${topic.max}`),
        el('td', {}, `${topic.percent}%`),
        el('td', {}, topic.mustPass ? `≥ ${exam.topicPassMark}%${topic.passed ? ' ✓' : ' ✗'}` : '—'),
      ),
    );
    parts.push(
      el('h3', {}, t('quiz.breakdown')),
      el(
        'table',
        { className: 'qr-breakdown' },
        el(
          'thead',
          {},
          el(
            'tr',
            {},
            ...[t('quiz.topic'), t('quiz.topicScore'), t('quiz.topicPercent'), t('quiz.topicRequired')].map((h) =>
              el('th', { scope: 'col' }, h),
            ),
          ),
        ),
        el('tbody', {}, ...rows),
      ),
    );

    parts.push(el('h3', {}, t('quiz.review')));
    const wrong = result.questions.filter((r) => !r.correct);
    if (!wrong.length) parts.push(el('p', {}, t('quiz.reviewNone')));
    const list = el('ol', { className: 'qr-review' });
    for (const r of wrong) {
      const q = this.#byId.get(r.id)!;
      list.append(
        el(
          'li',
          {},
          el('p', { className: 'qr-review-stem' }, q.stem),
          this.#explain(q, session.responses[r.id] ?? null, answers.get(r.id)!.answer, false),
        ),
      );
    }
    if (wrong.length) parts.push(list);

    if (!result.passed && exam.retake !== 'none') {
      const retake = el('button', { type: 'button' }, t('quiz.retake'));
      retake.addEventListener('click', () => this.#startExam(session.learner!));
      parts.push(el('p', {}, retake));
    }
    section.replaceChildren(...parts);
    section.focus();
  }
}

customElements.define('quiz-runner', QuizRunner);
