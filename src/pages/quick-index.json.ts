import { getCollection } from 'astro:content';
import { quickIndexFromCollections } from '../lib/search/quick-collections.ts';
import { placeholderValues } from '../site.config.ts';

/** The quick palette's index: a static asset the palette fetches once and keeps. */
export async function GET() {
  const [policies, scripts, phrases, flows] = await Promise.all([
    getCollection('policies'),
    getCollection('scripts'),
    getCollection('phrases'),
    getCollection('flows'),
  ]);
  const index = quickIndexFromCollections(
    { policies, scripts, phrases, flows },
    placeholderValues,
    new Date().toISOString(),
  );
  return new Response(JSON.stringify(index), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
}
