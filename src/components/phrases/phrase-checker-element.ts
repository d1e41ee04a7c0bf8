import { createPhraseChecker, flaggedPhraseIds, replaceHit, segmentDraft } from '../../lib/phrases/check.ts';
import type { PhraseHit } from '../../lib/phrases/check.ts';
import type { CheckablePhrase } from '../../lib/phrases/judge-phrase.ts';
import type { Provenance } from '../../lib/content/provenance.ts';
import { copyText } from '../../client/clipboard.ts';
import { announce } from '../../client/announce.ts';
import { el } from '../../client/dom.ts';
import { stringsFrom } from '../../client/strings.ts';

type Phrase = CheckablePhrase & { source?: Provenance };

const short = (text: string) => (text.length > 30 ? `${text.slice(0, 29)}…` : text);

/** Marks forbidden phrases in a draft, offers each alternative as a one-click fix, copies the result. */
class PhraseChecker extends HTMLElement {
  connectedCallback() {
    const t = stringsFrom(this);
    const data = this.querySelector<HTMLScriptElement>('script[data-phrases]')?.textContent ?? '[]';
    const phrases = JSON.parse(data) as Phrase[];
    const byId = new Map(phrases.map((p) => [p.id, p]));
    const checker = createPhraseChecker(phrases);
    const max = Number(this.dataset['max']);
    const area = this.querySelector('textarea')!;
    const summary = this.querySelector('.summary')!;
    const result = this.querySelector<HTMLElement>('.result')!;
    const marked = this.querySelector('.marked')!;
    const suggestions = this.querySelector('.suggestions')!;
    let pending = 0;

    const sourceLabel = (s: Provenance | undefined) =>
      !s
        ? ''
        : s.kind === 'original'
          ? t('checker.sourceOriginal', { document: s.document, section: s.section })
          : t('checker.sourceExample', { rule: s.rule });

    const replace = (hit: PhraseHit, to: string) => {
      const from = area.value.slice(hit.start, hit.end);
      area.value = replaceHit(area.value, hit, to);
      run();
      announce(t('checker.replaced', { from, to: short(to) }));
      area.focus();
    };

    const run = () => {
      pending = 0;
      const full = area.value;
      const text = full.slice(0, max);
      if (!text.trim()) {
        result.hidden = true;
        summary.textContent = t('checker.empty');
        return;
      }
      const hits = checker.check(text);
      // Text nodes only: the draft is never parsed as HTML.
      marked.replaceChildren(
        ...segmentDraft(text, hits).map((seg) => {
          if (!('hit' in seg)) return document.createTextNode(seg.text);
          const mark = el('mark', {}, seg.text);
          mark.title = seg.hit.phraseIds.map((id) => byId.get(id)?.phrase ?? id).join('、');
          return mark;
        }),
      );
      // Each phrase once; under it, every place it occurs with a button per alternative.
      suggestions.replaceChildren(
        ...flaggedPhraseIds(hits).map((id) => {
          const p = byId.get(id)!;
          const li = el('li', {}, el('s', {}, p.phrase), ' ');
          const link = el('a', { href: `/phrases/#${id}` }, t('phrases.why'));
          li.append(link);
          const source = sourceLabel(p.source);
          if (source) li.append(el('p', { className: 'source muted' }, source));
          hits
            .filter((h) => h.phraseIds[0] === id)
            .forEach((hit, n) => {
              const row = el('p', { className: 'alts' }, t('checker.at', { n: n + 1 }));
              for (const alt of p.instead) {
                const b = el('button', { type: 'button', className: 'secondary' }, t('checker.replace', { text: alt }));
                b.addEventListener('click', () => replace(hit, alt));
                row.append(b);
              }
              li.append(row);
            });
          return li;
        }),
      );
      result.hidden = false;
      let message = hits.length ? t('checker.count', { n: hits.length }) : t('checker.clean');
      if (full.length > max) message += ` ${t('checker.tooLong', { max })}`;
      summary.textContent = message;
    };

    this.querySelector('.copy-draft')!.addEventListener('click', () => {
      void copyText(area.value).then((ok) =>
        announce(ok ? t('checker.copied', { text: short(area.value) }) : t('copy.failed')),
      );
    });
    // One check per frame however fast the agent types or pastes.
    area.addEventListener('input', () => {
      if (!pending) pending = requestAnimationFrame(run);
    });
    if (area.value) run();
  }
}

customElements.define('phrase-checker', PhraseChecker);
