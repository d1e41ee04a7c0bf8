/** Placeholders a script line may use; values come from site.config.ts. */
export interface PlaceholderValues {
  company: string;
  center: string;
  hotline: string;
  hotlineNumber: string;
  agentNo: string;
}

export const placeholderNames = ['company', 'center', 'hotline', 'hotlineNumber', 'agentNo'] as const;

const PLACEHOLDER = /\{([^{}]*)\}/g;

export function unknownPlaceholders(text: string): string[] {
  const known = new Set<string>(placeholderNames);
  return [...text.matchAll(PLACEHOLDER)].map((m) => m[1] ?? '').filter((name) => !known.has(name));
}

export function fillPlaceholders(text: string, values: PlaceholderValues): string {
  return text.replace(PLACEHOLDER, (whole, name: string) =>
    Object.hasOwn(values, name) ? values[name as keyof PlaceholderValues] : whole,
  );
}
