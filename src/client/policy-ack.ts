import { isAcknowledged, latestAcknowledgment } from '../lib/progress/acknowledgments.ts';
import { loadAcks, saveAck } from './ack-store.ts';
import { stringsFrom } from './strings.ts';

class PolicyAck extends HTMLElement {
  connectedCallback() {
    const t = stringsFrom(this);
    const formatDate = (d: Date) => t('date.format', { y: d.getFullYear(), m: d.getMonth() + 1, d: d.getDate() });
    const policyId = this.dataset['policyId'] ?? '';
    const version = this.dataset['version'] ?? '';
    const button = this.querySelector('button');
    const status = this.querySelector('.ack-status');
    if (!button || !status) return;
    const render = (message?: string) => {
      const { acks, problem } = loadAcks();
      const done = isAcknowledged(acks, policyId, version);
      const last = latestAcknowledgment(acks, policyId);
      button.hidden = done;
      if (message) status.textContent = message;
      else if (done && last)
        status.textContent = t('policy.ack.done', { version, date: formatDate(new Date(last.at)) });
      else if (last) status.textContent = t('policy.ack.old', { version: last.version });
      else status.textContent = problem ?? '';
    };
    button.addEventListener('click', () => {
      const ok = saveAck(policyId, version);
      render(ok ? t('policy.ack.saved', { version }) : t('policy.ack.failed'));
      if (ok) status.setAttribute('tabindex', '-1');
      if (ok) (status as HTMLElement).focus();
    });
    render();
  }
}
customElements.define('policy-ack', PolicyAck);
