/** Fills `{name}` slots; unknown names stay visible so a missing value is noticed. */
export function fillTemplate(template: string, vars: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(vars, name) ? String(vars[name]) : whole,
  );
}

/** A lookup over one strings table, for modules (pure logic included) that must not carry the whole dictionary. */
export function textOf<K extends string>(table: Readonly<Record<K, string>>) {
  return (key: K, vars: Record<string, string | number> = {}): string => fillTemplate(table[key], vars);
}
