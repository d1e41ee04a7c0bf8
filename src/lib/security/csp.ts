/**
 * The Content-Security-Policy the site is built to run under. README gives it to deployers (nginx, IIS);
 * the CSP end-to-end test serves every page with it.
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');
