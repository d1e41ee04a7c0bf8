// Phrase checker speed on a 10,000-character draft against the real phrase list.
import { loadContent } from '../../src/lib/content/load-content.ts';
import { createPhraseChecker } from '../../src/lib/phrases/check.ts';

export function benchPhraseCheck(print: (label: string, value: string, note?: string) => void) {
  const checker = createPhraseChecker(loadContent().phrases.map((p) => p.data));
  const sentence = '您好，这个问题我不知道，但是我可以帮您查询一下，请您稍等。';
  const text = sentence.repeat(Math.ceil(10_000 / sentence.length)).slice(0, 10_000);
  for (let i = 0; i < 20; i++) checker.check(text);
  const samples: number[] = [];
  let hits = 0;
  for (let i = 0; i < 50; i++) {
    const t0 = performance.now();
    hits = checker.check(text).length;
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  const median = samples[25]!;
  const worst = samples[samples.length - 1]!;
  print(
    'phrase check 10,000 chars: median / worst',
    `${median.toFixed(2)} / ${worst.toFixed(2)} ms`,
    `${hits} hits; target < 10 ms ${worst < 10 ? 'OK' : 'OVER'}`,
  );
}
