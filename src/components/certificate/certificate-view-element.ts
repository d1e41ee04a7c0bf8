import type { PublicKeyRecord } from '../../lib/grading/key-records.ts';
import { verifyCertificateCode } from '../../lib/grading/results.ts';
import { loadLearner } from '../../client/attempt-store.ts';
import { certificateSheet } from '../../client/certificate-sheet.ts';
import { verifiedResults } from '../../client/signed-results-store.ts';
import { stringsFrom } from '../../client/strings.ts';

interface Data {
  publicKeys: PublicKeyRecord[];
  examTitles: Record<string, string>;
  center: string;
}

/** Shows a certificate only from a signed result that verifies here, with its code verified too. */
class CertificateView extends HTMLElement {
  connectedCallback() {
    void this.#render();
  }

  async #render() {
    const t = stringsFrom(this);
    const data = JSON.parse(this.querySelector('script[data-certificate]')?.textContent ?? '{}') as Data;
    const learner = loadLearner();
    const { payloads } = await verifiedResults(data.publicKeys);
    const own = learner ? payloads.filter((p) => p.learner.employeeId === learner.employeeId) : payloads;
    const codes = own.flatMap((p) => p.results.flatMap((r) => (r.certificate && r.passed ? [r.certificate] : [])));
    for (const code of codes.reverse()) {
      const v = await verifyCertificateCode(code, data.publicKeys);
      if (!v.ok) continue;
      const title = data.examTitles[v.value.examId] ?? v.value.examId;
      this.querySelector('.cert-slot')!.replaceChildren(certificateSheet(v.value, code, title, data.center, t));
      this.querySelector<HTMLElement>('.cert-actions')!.hidden = false;
      this.querySelector('.cert-print')!.addEventListener('click', () => window.print());
      return;
    }
    this.querySelector<HTMLElement>('.cert-none')!.hidden = false;
  }
}

customElements.define('certificate-view', CertificateView);
