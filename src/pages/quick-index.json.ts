import { paletteIndex } from '../components/palette/palette-index.ts';

/** The quick palette's index: a static asset the palette fetches once and keeps. */
export async function GET() {
  const { index } = await paletteIndex();
  return new Response(JSON.stringify(index), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
}
