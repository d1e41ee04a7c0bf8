/**
 * JSON text → `unknown`, never a throw: the one "parse or give up" guard. The value still has to be checked
 * (a zod schema) before use; `error` is the parser's first message line, for a reason a person reads.
 */
export type ParsedJson = { ok: true; value: unknown } | { ok: false; error: string };

export function parseJson(text: string): ParsedJson {
  try {
    const value: unknown = JSON.parse(text);
    return { ok: true, value };
  } catch (e) {
    return { ok: false, error: (e instanceof Error ? e.message : String(e)).split('\n')[0] ?? '' };
  }
}

/** The parsed value, or undefined when there is no text or it is not JSON (callers that only give up). */
export function jsonOrUndefined(text: string | null | undefined): unknown {
  if (!text) return undefined;
  const parsed = parseJson(text);
  return parsed.ok ? parsed.value : undefined;
}
