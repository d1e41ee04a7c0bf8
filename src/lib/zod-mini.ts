import { config } from 'zod/mini';

// zod probes `new Function` to compile fast parsers; under the site's strict CSP (no 'unsafe-eval') that
// probe is reported as a violation even though zod catches it. Browser-side schemas run without it.
config({ jitless: true });

export * from 'zod/mini';
