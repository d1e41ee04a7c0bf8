import type { CertificateClaims } from '../lib/grading/results.ts';
import { groupCode } from '../lib/grading/code.ts';
import { qrPath } from '../lib/grading/qr.ts';
import { centerDay } from '../lib/time/center-time.ts';
import { el } from './dom.ts';
import type { Translate } from './strings.ts';

const SVG = 'http://www.w3.org/2000/svg';

/** The QR code of a certificate code as an SVG (attributes only, no inline styles). */
export function qrSvg(text: string, label: string): SVGSVGElement {
  const { size, d } = qrPath(text);
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', `0 0 ${size} ${size}`);
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', label);
  svg.setAttribute('class', 'cert-qr');
  const bg = document.createElementNS(SVG, 'rect');
  bg.setAttribute('width', String(size));
  bg.setAttribute('height', String(size));
  bg.setAttribute('fill', '#fff');
  const path = document.createElementNS(SVG, 'path');
  path.setAttribute('d', d);
  path.setAttribute('fill', '#000');
  svg.append(bg, path);
  return svg;
}

/** One A4 certificate from verified claims and its signed code. */
export function certificateSheet(
  claims: CertificateClaims,
  code: string,
  examTitle: string,
  center: string,
  t: Translate,
): HTMLElement {
  const day = centerDay(new Date(claims.finishedAt * 1000));
  const [passedSims, totalSims] = claims.practical ? claims.practical.split('/') : [];
  const parts = t('cert.parts', {
    theory: claims.theory,
    practical: claims.practical ? t('signed.practical', { score: passedSims ?? '', max: totalSims ?? '' }) : '',
  });
  const row = (term: string, value: string | Node, cls = '') =>
    el('div', {}, el('dt', {}, term), el('dd', cls ? { className: cls } : {}, value));
  return el(
    'article',
    { className: 'cert-sheet' },
    el('p', { className: 'cert-org' }, center),
    el('h2', {}, t('cert.title')),
    el('p', { className: 'cert-name' }, claims.name),
    el(
      'p',
      { className: 'cert-body' },
      t('cert.body', { name: claims.name, id: claims.employeeId, date: day, percent: claims.percent }),
    ),
    el(
      'dl',
      {},
      row(t('cert.exam'), examTitle),
      row(t('cert.version'), claims.examVersion),
      row(t('cert.score'), `${claims.percent}（${parts}）`),
      row(t('cert.signedBy'), claims.kid),
      row(t('cert.issuer'), center),
    ),
    el(
      'div',
      { className: 'cert-verify' },
      qrSvg(code, t('cert.qr')),
      el(
        'div',
        {},
        el('p', { className: 'cert-code-label' }, `${t('cert.code')}（${t('cert.qr')}）`),
        el('p', { className: 'cert-code' }, groupCode(code)),
      ),
    ),
    el('p', { className: 'cert-date' }, day),
  );
}
