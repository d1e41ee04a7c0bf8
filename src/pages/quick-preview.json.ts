import { paletteIndex } from '../components/palette/palette-index.ts';

/** Passages for the palette's preview, by URL: fetched the first time an agent opens a preview. */
export async function GET() {
  const { preview } = await paletteIndex();
  return new Response(JSON.stringify(preview), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
}
