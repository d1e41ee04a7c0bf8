let clearTimer: number | undefined;

/** How long a toast stays before it fades away (the CSS fades it out over the last second). */
const SHOWN_MS = 4000;

/** Says something through the page's one live region (BaseLayout's #live-status), shown as a toast that fades. */
export function announce(message: string): void {
  const region = document.getElementById('live-status');
  if (!region) return;
  // Clearing first makes screen readers repeat an identical message.
  region.textContent = '';
  window.clearTimeout(clearTimer);
  requestAnimationFrame(() => {
    region.textContent = message;
    clearTimer = window.setTimeout(() => {
      region.textContent = '';
    }, SHOWN_MS);
  });
}
