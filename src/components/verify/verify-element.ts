import jsQR from 'jsqr';
import type { PublicKeyRecord } from '../../lib/grading/key-records.ts';
import { verifyCertificateCode, verifyResultsText } from '../../lib/grading/results.ts';
import type { Verified } from '../../lib/grading/results.ts';
import { centerDateTime } from '../../lib/time/center-time.ts';
import { el } from '../../client/dom.ts';
import { stringsFrom } from '../../client/strings.ts';
import type { Translate } from '../../client/strings.ts';

interface Data {
  publicKeys: PublicKeyRecord[];
  examTitles: Record<string, string>;
}

interface Detector {
  detect(source: HTMLVideoElement): Promise<{ rawValue: string }[]>;
}
type DetectorClass = new (options: { formats: string[] }) => Detector;

/** Offline verification of a certificate code, its QR (image or camera) or a signed results file. */
class VerifyPanel extends HTMLElement {
  #t: Translate = (k) => k;
  #data!: Data;
  #stream: MediaStream | undefined;

  connectedCallback() {
    this.#t = stringsFrom(this);
    this.#data = JSON.parse(this.querySelector('script[data-verify]')?.textContent ?? '{}') as Data;
    const code = this.querySelector<HTMLTextAreaElement>('.vf-code')!;
    this.querySelector('.vf-form')!.addEventListener('submit', (e) => {
      e.preventDefault();
      void this.#checkCode(code.value);
    });
    const qr = this.querySelector<HTMLInputElement>('.vf-qr')!;
    qr.addEventListener('change', () => {
      const f = qr.files?.[0];
      if (f) void this.#checkImage(f).finally(() => (qr.value = ''));
    });
    const results = this.querySelector<HTMLInputElement>('.vf-results')!;
    results.addEventListener('change', () => {
      const f = results.files?.[0];
      if (f) void this.#checkResults(f).finally(() => (results.value = ''));
    });
    const Ctor = (globalThis as { BarcodeDetector?: DetectorClass }).BarcodeDetector;
    const camera = this.querySelector<HTMLButtonElement>('.vf-camera')!;
    if (Ctor && navigator.mediaDevices) {
      camera.hidden = false;
      camera.addEventListener('click', () => void this.#camera(Ctor, camera));
    }
    const initial = new URLSearchParams(location.search).get('code');
    if (initial) {
      code.value = initial;
      void this.#checkCode(initial);
    }
  }

  #fail(reason: string) {
    this.querySelector('.vf-out')!.replaceChildren(
      el('p', { className: 'vf-bad' }, this.#t('verify.fail', { reason })),
    );
  }

  #show(rows: [string, string][]) {
    const t = this.#t;
    this.querySelector('.vf-out')!.replaceChildren(
      el(
        'div',
        { className: 'vf-ok' },
        el('p', {}, el('strong', {}, t('verify.ok'))),
        el('dl', {}, ...rows.map(([k, v]) => el('div', {}, el('dt', {}, k), el('dd', {}, v)))),
      ),
    );
  }

  #keyText(v: Verified<unknown>): string {
    return v.ok ? this.#t('verify.keyValue', { kid: v.key.kid, alg: v.key.alg }) : '';
  }

  async #checkCode(text: string) {
    const t = this.#t;
    const v = await verifyCertificateCode(text, this.#data.publicKeys);
    if (!v.ok) return this.#fail(v.reason);
    const c = v.value;
    const [passed, total] = c.practical ? c.practical.split('/') : [];
    this.#show([
      [t('verify.who'), `${c.name}（${c.employeeId}）`],
      [t('verify.exam'), `${this.#data.examTitles[c.examId] ?? c.examId} ${c.examVersion}`],
      [t('verify.when'), centerDateTime(new Date(c.finishedAt * 1000))],
      [
        t('verify.score'),
        `${c.percent}（${t('dash.passed')}）${c.practical ? t('signed.practical', { score: passed ?? '', max: total ?? '' }) : ''}`,
      ],
      [t('verify.key'), this.#keyText(v)],
    ]);
  }

  async #checkImage(file: File) {
    try {
      const bitmap = await createImageBitmap(file);
      const canvas = document.createElement('canvas');
      canvas.width = bitmap.width;
      canvas.height = bitmap.height;
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(bitmap, 0, 0);
      const image = ctx.getImageData(0, 0, bitmap.width, bitmap.height);
      const found = jsQR(image.data, image.width, image.height);
      if (!found) return this.#fail(this.#t('verify.noQr'));
      this.querySelector<HTMLTextAreaElement>('.vf-code')!.value = found.data;
      await this.#checkCode(found.data);
    } catch {
      this.#fail(this.#t('verify.noQr'));
    }
  }

  async #checkResults(file: File) {
    const t = this.#t;
    const v = await verifyResultsText(await file.text(), this.#data.publicKeys);
    if (!v.ok) return this.#fail(v.reason);
    const p = v.value;
    this.#show([
      [t('verify.who'), `${p.learner.name}（${p.learner.employeeId}）`],
      ...p.results.map((r): [string, string] => [
        `${t('verify.exam')}：${r.examTitle} ${r.examVersion}`,
        `${t('verify.when')} ${centerDateTime(new Date(r.finishedAt))} · ${t('verify.score')} ${r.percent}（${r.passed ? t('dash.passed') : t('dash.failed')}）`,
      ]),
      [t('verify.key'), this.#keyText(v)],
    ]);
  }

  async #camera(Ctor: DetectorClass, button: HTMLButtonElement) {
    const video = this.querySelector<HTMLVideoElement>('.vf-video')!;
    if (this.#stream) {
      this.#stream.getTracks().forEach((tr) => tr.stop());
      this.#stream = undefined;
      video.hidden = true;
      button.textContent = this.#t('verify.camera');
      return;
    }
    try {
      this.#stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' } });
    } catch {
      return this.#fail(this.#t('verify.cameraNone'));
    }
    video.srcObject = this.#stream;
    video.hidden = false;
    button.textContent = this.#t('verify.cameraStop');
    await video.play();
    const detector = new Ctor({ formats: ['qr_code'] });
    const tick = async () => {
      if (!this.#stream) return;
      const codes = await detector.detect(video).catch(() => []);
      if (codes[0]) {
        void this.#camera(Ctor, button);
        this.querySelector<HTMLTextAreaElement>('.vf-code')!.value = codes[0].rawValue;
        await this.#checkCode(codes[0].rawValue);
        return;
      }
      requestAnimationFrame(() => void tick());
    };
    void tick();
  }
}

customElements.define('verify-panel', VerifyPanel);
