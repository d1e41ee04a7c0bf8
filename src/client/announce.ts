/** Says something through the page's one live region (BaseLayout's #live-status), shown as a toast. */
export function announce(message: string): void {
  const region = document.getElementById('live-status');
  if (!region) return;
  // Clearing first makes screen readers repeat an identical message.
  region.textContent = '';
  requestAnimationFrame(() => {
    region.textContent = message;
  });
}
