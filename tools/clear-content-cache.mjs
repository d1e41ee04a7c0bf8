// Astro caches parsed content entries keyed by each file's text, not by the schemas in src/lib that
// content.config.ts imports: after a schema change (a new default, a new field) stale entries would be
// built. The check has just validated every file anyway, so the build starts from the files.
import { rmSync } from 'node:fs';

rmSync('node_modules/.astro/data-store.json', { force: true });
