import type { FlowData } from '../../lib/content/schema.ts';
import {
  activeWatches,
  back,
  choices,
  choose,
  currentStep,
  formatElapsed,
  parseWalk,
  startWalk,
  trail,
} from '../../lib/flows/walk.ts';
import type { Walk } from '../../lib/flows/walk.ts';
import { announce } from '../../client/announce.ts';
import { copyText } from '../../client/clipboard.ts';
import { el } from '../../client/dom.ts';
import { stringsFrom } from '../../client/strings.ts';
import type { Translate } from '../../client/strings.ts';

interface GuidePayload {
  flow: FlowData;
  scripts: Record<string, { title: string; text: string }>;
}

const KEY_PREFIX = 'kb.flow-walk.';

/** One step at a time through a flow during a live call; the walk survives a reload. */
class FlowGuide extends HTMLElement {
  #t: Translate = (k) => k;
  #data!: GuidePayload;
  #walk: Walk | undefined;
  #clock: number | undefined;

  connectedCallback() {
    this.#t = stringsFrom(this);
    this.#data = JSON.parse(this.querySelector('script[data-flow]')?.textContent ?? '{}') as GuidePayload;
    this.#part('.guide-start').addEventListener('click', () => this.#begin());
    const confirm = this.#part<HTMLDialogElement>('.guide-confirm');
    this.#part('.guide-reset').addEventListener('click', () => {
      confirm.returnValue = '';
      confirm.showModal();
    });
    confirm.addEventListener('close', () => {
      if (confirm.returnValue === 'reset') this.#reset();
      else this.#part('.guide-reset').focus();
    });
    this.#part('.guide-back').addEventListener('click', () => this.#move(back));
    // On the document, so the keys work right after a reload restores the walk, before anything has focus.
    document.addEventListener('keydown', (e) => this.#onKey(e));
    let saved: string | null = null;
    try {
      saved = localStorage.getItem(this.#key());
    } catch {
      // Without storage the guide still works; it just cannot survive a reload.
    }
    this.#walk = parseWalk(saved, this.#data.flow);
    if (this.#walk) this.#render(false);
    // One Tab from a fresh page load reaches 开始引导: the guide's heading takes the focus first.
    else if (!location.hash) this.#part('#guide-heading').focus({ preventScroll: true });
  }

  #part<T extends HTMLElement = HTMLElement>(selector: string): T {
    return this.querySelector<T>(selector)!;
  }

  #key() {
    return `${KEY_PREFIX}${this.#data.flow.id}`;
  }

  #save() {
    try {
      if (this.#walk) localStorage.setItem(this.#key(), JSON.stringify(this.#walk));
      else localStorage.removeItem(this.#key());
    } catch {
      // See connectedCallback: storage is optional here.
    }
  }

  #begin() {
    this.#walk = startWalk(this.#data.flow, new Date());
    this.#save();
    this.#render(true);
  }

  #reset() {
    this.#walk = undefined;
    this.#save();
    window.clearInterval(this.#clock);
    this.#part('.guide-panel').hidden = true;
    this.#part('.guide-reset').hidden = true;
    this.#part('.guide-start').hidden = false;
    this.#part('.guide-start').focus();
  }

  #move(step: (w: Walk) => Walk) {
    if (!this.#walk) return;
    const next = step(this.#walk);
    if (next === this.#walk) return;
    this.#walk = next;
    this.#save();
    this.#render(true);
  }

  #onKey(e: KeyboardEvent) {
    if (e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return;
    const target = e.target instanceof HTMLElement ? e.target : null;
    const typing = target && (target.isContentEditable || target.closest('input, textarea, select, dialog'));
    if (!this.#walk) {
      if (!typing && e.key.toLowerCase() === 'g') {
        e.preventDefault();
        this.#begin();
      }
      return;
    }
    const elsewhere = target && target !== document.body && !this.contains(target);
    if (typing || (elsewhere && e.key === 'Enter')) return;
    const flow = this.#data.flow;
    const options = choices(currentStep(flow, this.#walk));
    if (/^[1-9]$/.test(e.key)) {
      e.preventDefault();
      this.#move((w) => choose(flow, w, Number(e.key) - 1));
    } else if (e.key === 'Backspace') {
      e.preventDefault();
      this.#move(back);
    } else if (
      e.key === 'Enter' &&
      options.length === 1 &&
      !(e.target instanceof HTMLButtonElement) &&
      !(e.target instanceof HTMLAnchorElement)
    ) {
      e.preventDefault();
      this.#move((w) => choose(flow, w, 0));
    }
  }

  #tick = () => {
    if (!this.#walk) return;
    const ms = Date.now() - new Date(this.#walk.startedAt).getTime();
    this.#part('.guide-elapsed').textContent = this.#t('guide.elapsed', { time: formatElapsed(ms) });
  };

  #render(focus: boolean) {
    const t = this.#t;
    const flow = this.#data.flow;
    const walk = this.#walk!;
    const step = currentStep(flow, walk);
    this.#part('.guide-panel').hidden = false;
    this.#part('.guide-start').hidden = true;
    this.#part('.guide-reset').hidden = false;
    this.#part('.guide-step').textContent = t('guide.step', { n: walk.path.length });
    window.clearInterval(this.#clock);
    this.#tick();
    this.#clock = window.setInterval(this.#tick, 1000);

    const title = this.#part('.guide-title');
    title.textContent = step.title;
    const meta = [
      step.timeLimit ? `${t('flows.timeLimit')}：${step.timeLimit}` : '',
      step.escalateTo ? `${t('flows.escalateTo')}：${step.escalateTo}` : '',
    ].filter(Boolean);
    this.#part('.guide-meta').textContent = meta.join(' · ');
    const watches = activeWatches(flow, walk);
    const watch = this.#part('.guide-watch');
    watch.hidden = watches.length === 0;
    watch.replaceChildren(...watches.map((w) => el('p', {}, w)));
    this.#part('.guide-trail').replaceChildren(...trail(flow, walk).map((s) => el('li', {}, s.title)));
    this.#part('.guide-do').replaceChildren(...step.do.map((d) => el('li', {}, d)));

    const say = this.#part('.guide-say');
    say.replaceChildren(
      ...step.say.map((id) => {
        const script = this.#data.scripts[id];
        const copy = el('button', { type: 'button', className: 'secondary' }, t('copy.button'));
        copy.setAttribute('aria-label', t('copy.buttonFor', { label: script?.title ?? id }));
        copy.addEventListener('click', () => {
          void copyText(script?.text ?? '').then((ok) =>
            announce(ok ? t('copy.done', { label: script?.title ?? id }) : t('copy.failed')),
          );
        });
        return el(
          'blockquote',
          {},
          el('p', {}, el('strong', {}, `${script?.title ?? id}：`), script?.text ?? ''),
          copy,
        );
      }),
    );
    this.#part('.guide-say-label').hidden = step.say.length === 0;

    const options = choices(step);
    const box = this.#part('.guide-choices');
    box.replaceChildren(
      ...options.map((o, i) => {
        const target = flow.steps.find((s) => s.id === o.to)?.title ?? o.to;
        const b = el(
          'button',
          { type: 'button' },
          `${i + 1}. ${o.label ? `${o.label} → ` : `${t('guide.nextStep')}：`}${target}`,
        );
        b.addEventListener('click', () => this.#move((w) => choose(flow, w, i)));
        return b;
      }),
    );
    this.#part('.guide-choose-label').textContent = options.length ? t('guide.choose') : t('guide.finished');
    this.#part<HTMLButtonElement>('.guide-back').disabled = walk.path.length <= 1;
    if (focus) {
      // The step's lines and its branch buttons in view together: the guide goes to the top.
      this.#part('.guide').scrollIntoView({ block: 'start' });
      title.focus({ preventScroll: true });
    }
  }
}

customElements.define('flow-guide', FlowGuide);
