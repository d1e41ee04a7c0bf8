import { certificationStatus, verificationCode } from '../lib/progress/certification.ts';
import { loadAttempts, loadLearner } from './attempt-store.ts';
import { stringsFrom } from './strings.ts';

/** Fills the certificate from this browser's first passed certification attempt. */
class CertificateView extends HTMLElement {
  connectedCallback() {
    const t = stringsFrom(this);
    const learner = loadLearner();
    const status = learner ? certificationStatus(loadAttempts().items, learner.employeeId) : undefined;
    const a = status?.attempt;
    const none = this.querySelector<HTMLElement>('.cert-none')!;
    const sheet = this.querySelector<HTMLElement>('.cert-sheet')!;
    if (!a) {
      none.hidden = false;
      sheet.hidden = true;
      return;
    }
    const date = a.finishedAt.slice(0, 10);
    const set = (selector: string, text: string) => (this.querySelector(selector)!.textContent = text);
    set('.cert-name', a.learner.name);
    set('.cert-body', t('cert.body', { name: a.learner.name, id: a.learner.employeeId, date, percent: a.percent }));
    set('.cert-version', a.examVersion);
    set('.cert-date', date);
    set('.cert-code', verificationCode(a));
    none.hidden = true;
    sheet.hidden = false;
    this.querySelector('.cert-print')!.addEventListener('click', () => window.print());
  }
}

customElements.define('certificate-view', CertificateView);
