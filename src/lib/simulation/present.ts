/** A reply cut into plain and marked runs (overlapping marks merged), for highlighting in place. */
export function markedRuns(
  text: string,
  spans: readonly { start: number; end: number }[],
): { text: string; marked: boolean }[] {
  const sorted = [...spans].filter((s) => s.end > s.start).sort((a, b) => a.start - b.start);
  const runs: { text: string; marked: boolean }[] = [];
  let at = 0;
  for (const s of sorted) {
    const start = Math.max(s.start, at);
    if (s.end <= at) continue;
    if (start > at) runs.push({ text: text.slice(at, start), marked: false });
    runs.push({ text: text.slice(start, s.end), marked: true });
    at = s.end;
  }
  if (at < text.length) runs.push({ text: text.slice(at), marked: false });
  return runs;
}
