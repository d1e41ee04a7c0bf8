import type { PublicKeyRecord } from '../../lib/grading/key-records.ts';
import { verifyResultsText } from '../../lib/grading/results.ts';
import { signedResultsFileSchema } from '../../lib/grading/results.ts';
import { centerDateTime } from '../../lib/time/center-time.ts';
import { el } from '../../client/dom.ts';
import { SIGNED_RESULTS_STORED, storeSignedResults, verifiedResults } from '../../client/signed-results-store.ts';
import { stringsFrom } from '../../client/strings.ts';
import type { Translate } from '../../client/strings.ts';

const EFFECT_TEXT: Record<string, string> = { '5': '+5', '0': '0', '-10': '−10' };

/** Imports a signed results file from the trainer; shows what verifies, never a bare score. */
class SignedResultsImport extends HTMLElement {
  #t: Translate = (k) => k;
  #keys: PublicKeyRecord[] = [];

  connectedCallback() {
    this.#t = stringsFrom(this);
    this.#keys = JSON.parse(this.querySelector('script[data-keys]')?.textContent ?? '[]') as PublicKeyRecord[];
    const input = this.querySelector<HTMLInputElement>('.sr-file')!;
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      if (file) void this.#import(file).finally(() => (input.value = ''));
    });
    void this.#render();
  }

  #say(text: string) {
    this.querySelector('.sr-status')!.textContent = text;
  }

  async #import(file: File) {
    const t = this.#t;
    const text = await file.text();
    const v = await verifyResultsText(text, this.#keys);
    if (!v.ok) {
      this.#say(t('signed.bad', { file: file.name, reason: v.reason }));
      return;
    }
    const saved = storeSignedResults(signedResultsFileSchema.parse(JSON.parse(text)));
    if (!saved.ok) {
      this.#say(t('signed.bad', { file: file.name, reason: saved.reason }));
      return;
    }
    this.#say(t('signed.ok', { file: file.name, n: v.value.results.length, kid: v.key.kid }));
    document.dispatchEvent(new Event(SIGNED_RESULTS_STORED));
    await this.#render();
  }

  async #render() {
    const t = this.#t;
    const { payloads, failed } = await verifiedResults(this.#keys);
    if (failed.length) this.#say(t('signed.stored', { n: failed.length, reason: failed[0]! }));
    // The newest issue of each attempt wins (a later signing after a 人工复核).
    const byAttempt = new Map(payloads.flatMap((p) => p.results.map((r) => [r.attemptId, r] as const)));
    const results = [...byAttempt.values()].sort((a, b) => b.finishedAt.localeCompare(a.finishedAt));
    const result = (p: boolean) => (p ? t('dash.passed') : t('dash.failed'));
    this.querySelector('.sr-results tbody')!.replaceChildren(
      ...results.map((r) =>
        el(
          'tr',
          {},
          el('td', {}, r.examTitle),
          el('td', {}, centerDateTime(new Date(r.finishedAt))),
          el(
            'td',
            {},
            `${r.score} / ${r.max}（${r.percent}）`,
            el('br'),
            t('signed.parts', {
              theory: r.theory.percent,
              practical: r.practical ? t('signed.practical', { score: r.practical.score, max: r.practical.max }) : '',
            }),
            r.monthEffect !== undefined ? t('signed.effect', { effect: EFFECT_TEXT[String(r.monthEffect)] ?? '' }) : '',
          ),
          el('td', {}, result(r.passed)),
        ),
      ),
    );
    const notes = [
      ...results.flatMap((r) =>
        r.simulations
          .filter((s) => s.review)
          .map((s) =>
            t('signed.review', { sim: s.simulationId, result: result(s.review!.passed), reason: s.review!.reason }),
          ),
      ),
      ...(payloads.at(-1)?.notCounted ?? []).map((n) =>
        t('signed.notCounted', { exam: n.examId, reasons: n.reasons.join('；') }),
      ),
    ];
    this.querySelector('.sr-notes')!.replaceChildren(...notes.map((n) => el('li', {}, n)));
    this.querySelector<HTMLElement>('.sr-results')!.hidden = results.length === 0;
    this.querySelector<HTMLElement>('.sr-none')!.hidden = results.length > 0;
    this.querySelector<HTMLElement>('.sr-cert')!.hidden = !results.some((r) => r.certificate && r.passed);
  }
}

customElements.define('signed-results-import', SignedResultsImport);
