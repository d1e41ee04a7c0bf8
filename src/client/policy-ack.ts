import { changesSince, isAcknowledged, latestAcknowledgment } from '../lib/progress/acknowledgments.ts';
import { centerParts } from '../lib/time/center-time.ts';
import { loadAcks, saveAck } from './ack-store.ts';
import { onProgressChange } from './local-store.ts';
import { stringsFrom } from './strings.ts';

class PolicyAck extends HTMLElement {
  connectedCallback() {
    const t = stringsFrom(this);
    // The day in the center's time zone, whatever zone this browser is in.
    const formatDate = (iso: string) => {
      const p = centerParts(new Date(iso));
      return t('date.format', { y: p.year, m: p.month, d: p.day });
    };
    const policyId = this.dataset['policyId'] ?? '';
    const version = this.dataset['version'] ?? '';
    const button = this.querySelector('button');
    const status = this.querySelector('.ack-status');
    const changes = this.querySelector<HTMLElement>('.ack-changes');
    if (!button || !status) return;
    const render = (message?: string) => {
      const { acks, problem } = loadAcks();
      const done = isAcknowledged(acks, policyId, version);
      const last = latestAcknowledgment(acks, policyId);
      button.hidden = done;
      if (message) status.textContent = message;
      else if (done && last) status.textContent = t('policy.ack.done', { version, date: formatDate(last.at) });
      else if (last) status.textContent = t('policy.ack.old', { version: last.version });
      else status.textContent = problem ?? '';
      if (changes) {
        const items = [...changes.querySelectorAll<HTMLLIElement>('li[data-version]')];
        const unseen =
          !done && last
            ? changesSince(
                items.map((li) => ({ li, version: li.dataset['version'] ?? '' })),
                last.version,
              )
            : [];
        for (const li of items) li.hidden = !unseen.some((u) => u.li === li);
        changes.hidden = unseen.length === 0;
      }
    };
    button.addEventListener('click', () => {
      const ok = saveAck(policyId, version);
      render(ok ? t('policy.ack.saved', { version }) : t('policy.ack.failed'));
      if (ok) status.setAttribute('tabindex', '-1');
      if (ok) (status as HTMLElement).focus();
    });
    onProgressChange(() => render());
    render();
  }
}
customElements.define('policy-ack', PolicyAck);
