import { announce } from '../../client/announce.ts';
import { copyText } from '../../client/clipboard.ts';
import { el } from '../../client/dom.ts';
import { stringsFrom } from '../../client/strings.ts';
import type { Translate } from '../../client/strings.ts';
import type { SimulationRecord } from '../../lib/progress/schema.ts';
import type { ChoiceJudgement, JudgeContext, ReplyJudgement, TurnJudgement } from '../../lib/simulation/judge.ts';

// The judge only runs in practice: an exam page (which shows no feedback) never downloads it.
type Judge = typeof import('../../lib/simulation/judge.ts');
import type { PlayerPayload, RefLink } from '../../lib/simulation/payload.ts';
import { markedRuns } from '../../lib/simulation/present.ts';
import { publicTurn } from '../../lib/simulation/public.ts';
import type { PublicTurn } from '../../lib/simulation/public.ts';
import { END, isChooseTurn, isReplyTurn } from '../../lib/simulation/turns.ts';

/**
 * `<sim-player mode="practice|exam">`: plays one call. practice judges each reply in the browser and
 * explains it; exam shows no feedback (it only ever receives publicSimulation data). Both emit bubbling
 * CustomEvents whose detail is the progress schema's SimulationRecord: `sim-turn` after each answer,
 * `sim-transcript` when the call ends.
 */
export class SimPlayer extends HTMLElement {
  #t: Translate = (k) => k;
  #payload: PlayerPayload | undefined;
  #judge: Judge | undefined;
  #ctx: JudgeContext | undefined;
  #turns: PublicTurn[] = [];
  #current: PublicTurn | undefined;
  #record: SimulationRecord = { simulationId: '', turns: [] };
  #prior = new Map<string, SimulationRecord['turns'][number]>();

  connectedCallback() {
    this.#t = stringsFrom(this);
    this.#part('.sp-reply-form').addEventListener('submit', (e) => {
      e.preventDefault();
      this.#submitReply();
    });
    this.#part('.sp-choose-form').addEventListener('submit', (e) => {
      e.preventDefault();
      this.#submitChoice();
    });
    this.#part('.sp-reply').addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
        e.preventDefault();
        this.#part<HTMLFormElement>('.sp-reply-form').requestSubmit();
      }
    });
    const embedded = this.querySelector('script[data-sim]')?.textContent;
    if (!this.#payload && embedded) this.simulation = JSON.parse(embedded) as PlayerPayload;
  }

  /** Mounts a simulation from script (an exam runner passes `{ mode: 'exam', sim: publicSimulation(...) }`). */
  set simulation(payload: PlayerPayload) {
    this.#payload = payload;
    this.setAttribute('mode', payload.mode);
    this.#turns = payload.mode === 'practice' ? payload.sim.turns.map(publicTurn) : payload.sim.turns;
    const prior = payload.mode === 'exam' ? (payload.prior?.turns ?? []) : [];
    this.#prior = new Map(prior.map((t) => [t.turnId, t]));
    if (payload.mode === 'exam') {
      this.#start();
      return;
    }
    void import('../../lib/simulation/judge.ts').then((judge) => {
      if (this.#payload !== payload) return;
      this.#judge = judge;
      this.#ctx = judge.createJudgeContext(payload.phrases);
      this.#start();
    });
  }

  /** The transcript so far. */
  get transcript(): SimulationRecord {
    return structuredClone(this.#record);
  }

  #part<T extends HTMLElement = HTMLElement>(selector: string): T {
    return this.querySelector<T>(selector)!;
  }

  #start() {
    const payload = this.#payload!;
    this.#record = { simulationId: payload.sim.id, turns: [] };
    this.#part('.sp-log').replaceChildren();
    this.#part('.sp-result').hidden = true;
    this.#part('.sp-feedback').hidden = true;
    this.#play(this.#turns[0]?.id ?? END);
  }

  /** Shows customer turns (and answers a resumed call already has) until the learner's next turn or the end. */
  #play(id: string) {
    let turn = this.#turns.find((t) => t.id === id);
    while (turn) {
      if (turn.kind === 'customer') {
        const mood = this.#t('sim.moodLabel', { mood: this.#t(`sim.mood.${turn.mood}`) });
        this.#log('customer', `${this.#t('sim.customer')}${mood}`, turn.says);
      } else {
        const prior = this.#prior.get(turn.id);
        if (!prior) break;
        this.#record.turns.push(prior);
        const said = turn.kind === 'choose' ? (turn.options[prior.choice ?? -1] ?? '') : (prior.reply ?? '');
        this.#log('you', this.#t('sim.you'), said);
      }
      turn = this.#after(turn, undefined);
    }
    this.#current = turn;
    const box = this.#part('.sp-turn');
    if (!turn) {
      box.hidden = true;
      this.#finish();
      return;
    }
    box.hidden = false;
    this.#part('.sp-feedback').hidden = true;
    const replyForm = this.#part('.sp-reply-form');
    const chooseForm = this.#part('.sp-choose-form');
    replyForm.hidden = turn.kind !== 'reply';
    chooseForm.hidden = turn.kind !== 'choose';
    this.#part('.sp-error-reply').textContent = '';
    this.#part('.sp-error-choose').textContent = '';
    if (turn.kind === 'reply') {
      this.#part('.sp-task').textContent = turn.task;
      this.#part('.sp-hint').textContent = this.#t('sim.replyHint', { max: turn.maxLength });
      const area = this.#part<HTMLTextAreaElement>('.sp-reply');
      area.value = '';
      // On the first turn the page stays at its top (the situation); typing still goes to the reply.
      area.focus({ preventScroll: this.#record.turns.length === 0 });
    } else if (turn.kind === 'choose') {
      this.#part('.sp-choose-task').textContent = turn.task;
      const name = `${this.#record.simulationId}-${turn.id}`;
      this.#part('.sp-options').replaceChildren(
        ...turn.options.map((option, i) =>
          el('label', { className: 'sp-option' }, el('input', { type: 'radio', name, value: String(i) }), option),
        ),
      );
      this.#part<HTMLInputElement>('.sp-options input').focus();
    }
  }

  /** The turn after `turn`: practice follows the rubric's branches, exam the list in order. */
  #after(turn: PublicTurn, judged: TurnJudgement | undefined): PublicTurn | undefined {
    const payload = this.#payload!;
    if (payload.mode === 'exam') return this.#turns[this.#turns.indexOf(turn) + 1];
    const full = payload.sim.turns.find((t) => t.id === turn.id)!;
    const next = this.#judge!.nextTurnId(payload.sim, full, judged);
    return next === END ? undefined : this.#turns.find((t) => t.id === next);
  }

  #log(who: 'customer' | 'you', label: string, text: string) {
    this.#part('.sp-log').append(
      el('li', { className: `sp-line sp-${who}` }, el('strong', {}, this.#t('sim.speaker', { who: label })), text),
    );
  }

  #submitReply() {
    const turn = this.#current;
    const reply = this.#part<HTMLTextAreaElement>('.sp-reply').value;
    if (!turn || turn.kind !== 'reply') return;
    if (!reply.trim()) {
      this.#part('.sp-error-reply').textContent = this.#t('sim.emptyReply');
      return;
    }
    this.#record.turns.push({ turnId: turn.id, reply });
    this.#emit('sim-turn');
    this.#log('you', this.#t('sim.you'), reply);
    const payload = this.#payload!;
    if (payload.mode === 'exam') return this.#play(this.#after(turn, undefined)?.id ?? END);
    const full = payload.sim.turns.find((t) => t.id === turn.id);
    if (!full || !isReplyTurn(full)) return;
    this.#feedback(turn, this.#judge!.judgeReply(full, reply, this.#ctx!, payload.sim.passMark));
  }

  #submitChoice() {
    const turn = this.#current;
    const picked = this.querySelector<HTMLInputElement>('.sp-options input:checked');
    if (!turn || turn.kind !== 'choose') return;
    if (!picked) {
      this.#part('.sp-error-choose').textContent = this.#t('sim.chooseFirst');
      return;
    }
    const choice = Number(picked.value);
    this.#record.turns.push({ turnId: turn.id, choice });
    this.#emit('sim-turn');
    this.#log('you', this.#t('sim.you'), turn.options[choice] ?? '');
    const payload = this.#payload!;
    if (payload.mode === 'exam') return this.#play(this.#after(turn, undefined)?.id ?? END);
    const full = payload.sim.turns.find((t) => t.id === turn.id);
    if (!full || !isChooseTurn(full)) return;
    this.#feedback(turn, this.#judge!.judgeChoice(full, choice));
  }

  #policyLink(ref: string) {
    const payload = this.#payload;
    const link: RefLink = (payload?.mode === 'practice' && payload.refs[ref]) || { href: '#', label: ref };
    return el('a', { href: link.href, className: 'sp-ref' }, this.#t('sim.policyLink', { label: link.label }));
  }

  #feedback(turn: PublicTurn, judged: TurnJudgement) {
    this.#part('.sp-turn').hidden = true;
    const box = this.#part('.sp-feedback');
    const last = this.#after(turn, judged) === undefined;
    const button = el(
      'button',
      { type: 'button', className: 'sp-continue' },
      this.#t(last ? 'sim.finish' : 'sim.continue'),
    );
    button.addEventListener('click', () => this.#play(this.#after(turn, judged)?.id ?? END));
    const summary = `${this.#t('sim.turnScore', { score: judged.score, max: judged.max })} ${this.#t(judged.passed ? 'sim.turnPassed' : 'sim.turnFailed')}`;
    box.replaceChildren(
      el('h3', { className: 'sp-feedback-title', tabIndex: -1 }, this.#t('sim.feedback')),
      el('p', { className: judged.passed ? 'sp-pass' : 'sp-fail' }, summary),
      button,
      ...(judged.kind === 'reply' ? this.#replyFeedback(judged) : this.#choiceFeedback(turn, judged)),
    );
    box.hidden = false;
    box.querySelector<HTMLElement>('.sp-feedback-title')!.focus();
    announce(summary);
  }

  #reasons(judged: TurnJudgement): HTMLElement[] {
    const lines = judged.critical.flatMap((c) => {
      if (c.reason === 'empty') return [this.#t('sim.reason.empty')];
      if (c.reason === 'too-long') return [this.#t('sim.reason.tooLong', { length: c.length, max: c.max })];
      if (c.reason === 'stuffing') return [this.#t('sim.reason.stuffing')];
      if (c.reason === 'forbidden') return [this.#t('sim.reason.forbidden')];
      if (c.reason === 'wrong-choice') return [this.#t('sim.reason.wrongChoice')];
      if (c.reason === 'unanswered') return [this.#t('sim.reason.unanswered')];
      return [];
    });
    return lines.length ? [el('ul', { className: 'sp-reasons' }, ...lines.map((l) => el('li', {}, l)))] : [];
  }

  #replyFeedback(j: ReplyJudgement): HTMLElement[] {
    const out: HTMLElement[] = this.#reasons(j);
    if (j.forbidden.length) {
      const runs = markedRuns(j.reply, j.forbidden);
      out.push(
        el('h4', {}, this.#t('sim.forbiddenTitle')),
        el(
          'p',
          { className: 'sp-marked' },
          this.#t('sim.yourReply'),
          el('br'),
          ...runs.map((r) => (r.marked ? el('mark', {}, r.text) : r.text)),
        ),
        el(
          'ul',
          { className: 'sp-forbidden' },
          ...j.forbidden.map((f) =>
            el(
              'li',
              {},
              el('strong', {}, this.#t('sim.forbiddenHit', { text: j.reply.slice(f.start, f.end), label: f.label })),
              f.why ? ` ${f.why}` : '',
              el('br'),
              `${this.#t('sim.instead')}${f.instead.join(' / ')}`,
            ),
          ),
        ),
      );
    }
    const item = (e: ReplyJudgement['met'][number], met: boolean) => {
      const tags = `${this.#t('sim.points', { n: e.points })}${e.critical ? ` · ${this.#t('sim.critical')}` : ''}`;
      const li = el(
        'li',
        { className: met ? 'sp-met' : 'sp-missed' },
        el('strong', {}, this.#t(met ? 'sim.metMark' : 'sim.missedMark', { label: e.label })),
        ' ',
        this.#t('sim.tags', { tags }),
      );
      if (!met) {
        const copy = el('button', { type: 'button', className: 'secondary sp-copy' }, this.#t('copy.button'));
        copy.setAttribute('aria-label', this.#t('copy.buttonFor', { label: e.label }));
        copy.addEventListener('click', () => {
          void copyText(e.script).then((ok) =>
            announce(ok ? this.#t('copy.done', { label: e.label }) : this.#t('copy.failed')),
          );
        });
        li.append(el('br'), this.#t('sim.script'), el('q', {}, e.script), ' ', copy);
      }
      li.append(el('br'), this.#policyLink(e.ref));
      return li;
    };
    if (j.missed.length)
      out.push(
        el('h4', {}, this.#t('sim.missed')),
        el('ul', { className: 'sp-elements' }, ...j.missed.map((e) => item(e, false))),
      );
    if (j.met.length)
      out.push(
        el('h4', {}, this.#t('sim.met')),
        el('ul', { className: 'sp-elements' }, ...j.met.map((e) => item(e, true))),
      );
    if (j.orderBroken.length)
      out.push(el('h4', {}, this.#t('sim.orderTitle')), el('ul', {}, ...j.orderBroken.map((o) => el('li', {}, o.why))));
    return out;
  }

  #choiceFeedback(turn: PublicTurn, j: ChoiceJudgement): HTMLElement[] {
    const options = turn.kind === 'choose' ? turn.options : [];
    const verdict = j.correct
      ? this.#t('sim.choiceRight')
      : this.#t('sim.choiceWrong', { answer: options[j.key] ?? '' });
    return [...this.#reasons(j), el('p', {}, verdict), el('p', {}, j.why), el('p', {}, this.#policyLink(j.ref))];
  }

  #emit(type: 'sim-turn' | 'sim-transcript') {
    this.dispatchEvent(new CustomEvent<SimulationRecord>(type, { detail: this.transcript, bubbles: true }));
  }

  #finish() {
    const record = this.transcript;
    this.#emit('sim-transcript');
    const payload = this.#payload!;
    const box = this.#part('.sp-result');
    box.hidden = false;
    this.#part('.sp-feedback').hidden = true;
    if (payload.mode === 'exam') {
      box.replaceChildren(el('p', { className: 'sp-done' }, this.#t('sim.examDone')));
      announce(this.#t('sim.examDone'));
      return;
    }
    const result = this.#judge!.judgeSimulation(payload.sim, record, this.#ctx!);
    const vars = { score: result.score, max: result.max, percent: result.percent, pass: payload.sim.passMark };
    const line = this.#t(result.passed ? 'sim.resultPassed' : 'sim.resultFailed', vars);
    const again = el('button', { type: 'button', className: 'secondary sp-again' }, this.#t('sim.again'));
    again.addEventListener('click', () => this.#start());
    box.replaceChildren(
      el('h3', { className: 'sp-result-title', tabIndex: -1 }, this.#t('sim.resultTitle')),
      el('p', { className: result.passed ? 'sp-pass' : 'sp-fail' }, line),
      ...(result.passed ? [] : [el('p', { className: 'muted' }, this.#t('sim.resultCritical'))]),
      again,
    );
    box.querySelector<HTMLElement>('.sp-result-title')!.focus();
    announce(line);
  }
}

if (!customElements.get('sim-player')) customElements.define('sim-player', SimPlayer);
