import { getCollection } from 'astro:content';
import { quickIndexFromCollections } from '../../lib/search/quick-collections.ts';
import { splitPreview } from '../../lib/search/quick-index.ts';
import { placeholderValues } from '../../site.config.ts';

/** The palette index from the collections, split into the index and the preview passages (build time). */
export async function paletteIndex() {
  const [policies, scripts, phrases, flows] = await Promise.all([
    getCollection('policies'),
    getCollection('scripts'),
    getCollection('phrases'),
    getCollection('flows'),
  ]);
  return splitPreview(
    quickIndexFromCollections({ policies, scripts, phrases, flows }, placeholderValues, new Date().toISOString()),
  );
}
