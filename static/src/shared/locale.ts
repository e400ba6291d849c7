// The locale the pages format and parse dates in: Jira's, from the bridge context (the
// user's Jira language setting), not the browser's, so a date picker and the tables beside
// it agree. Set once by bootstrap before the first render.
let current: string | undefined;

/** Accepts Jira's `en_GB` as well as the BCP 47 `en-GB`; an unknown tag is ignored. */
export function setPageLocale(locale: unknown): void {
  if (typeof locale !== 'string' || locale.trim() === '') return;
  const tag = locale.trim().replace(/_/g, '-');
  try {
    current = Intl.getCanonicalLocales(tag)[0];
  } catch {
    current = undefined;
  }
}

/** Undefined means the browser's own locale. */
export function pageLocale(): string | undefined {
  return current;
}
