import '../simulation/sim-player-element.ts';
import type { SimPlayer } from '../simulation/sim-player-element.ts';
import type { Translate } from '../../client/strings.ts';
import type { SimulationRecord } from '../../lib/progress/schema.ts';
import * as S from '../../lib/quiz/session.ts';
import type { ExamSession } from '../../lib/quiz/session.ts';
import type { PublicSimulation } from '../../lib/simulation/public.ts';

/** What the practical stage needs of the runner: the session, a way to store a new one, and the summary. */
export interface PracticalHost {
  session(): ExamSession;
  update(s: ExamSession): void;
  openSummary(): void;
}

/**
 * 实操 in an exam: the paper's calls one after another in one `<sim-player mode="exam">` (no feedback).
 * Each answer is stored as it is given, so a reload continues the call where it stopped.
 */
export class PracticalStage {
  readonly #root: HTMLElement;
  readonly #t: Translate;
  readonly #sims: ReadonlyMap<string, PublicSimulation>;
  readonly #host: PracticalHost;
  readonly #player: SimPlayer;
  readonly #next: HTMLButtonElement;

  constructor(root: HTMLElement, t: Translate, sims: readonly PublicSimulation[], host: PracticalHost) {
    this.#root = root;
    this.#t = t;
    this.#sims = new Map(sims.map((s) => [s.id, s]));
    this.#host = host;
    this.#player = root.querySelector<SimPlayer>('sim-player')!;
    this.#next = root.querySelector<HTMLButtonElement>('.qr-call-next')!;
    root.addEventListener('sim-turn', (e) => this.#record((e as CustomEvent<SimulationRecord>).detail, false));
    root.addEventListener('sim-transcript', (e) => {
      this.#record((e as CustomEvent<SimulationRecord>).detail, true);
      this.#showNext();
    });
    this.#next.addEventListener('click', () => this.render());
  }

  /** Shows the call under way (continuing its partial transcript), or the summary once all are done. */
  render(): boolean {
    const s = this.#host.session();
    const id = S.currentSimulation(s);
    const sim = id === undefined ? undefined : this.#sims.get(id);
    if (!sim) {
      this.#host.openSummary();
      return false;
    }
    const total = S.paperSimulations(s).length;
    this.#part('.qr-call-progress').textContent = this.#t('quiz.practical.progress', { n: s.practical! + 1, total });
    this.#part('.qr-call-title').textContent = sim.title;
    this.#part('.qr-call-situation').textContent = this.#t('quiz.practical.situation', { text: sim.situation });
    this.#next.hidden = true;
    const prior = S.transcriptOf(s, sim.id);
    this.#part('.qr-call-notice').textContent = prior?.turns.length ? this.#t('quiz.practical.resumed') : '';
    this.#player.simulation = { mode: 'exam', sim, prior };
    return true;
  }

  #part(selector: string): HTMLElement {
    return this.#root.querySelector<HTMLElement>(selector)!;
  }

  #record(record: SimulationRecord, finished: boolean) {
    this.#host.update(S.recordTranscript(this.#host.session(), record, finished));
  }

  #showNext() {
    const more = S.currentSimulation(this.#host.session()) !== undefined;
    this.#next.textContent = this.#t(more ? 'quiz.practical.nextCall' : 'quiz.practical.toSummary');
    this.#next.hidden = false;
    this.#next.focus();
  }
}
