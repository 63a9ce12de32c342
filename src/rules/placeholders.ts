/** What each variable a rule kind fills into a message or tip stands for (see the kinds that set `vars`). */
const MEANING: Record<string, string> = {
  value: 'the measured figure',
  limit: 'the limit',
  terms: 'the terms found',
  suggestions: 'plain words for each term',
  detail: 'what went wrong',
};

/**
 * A message or tip as a rule list shows it, before any conversation fills it: each `{name}` becomes
 * `‹what it stands for›`, so "{value} of silence" reads "‹the measured figure› of silence".
 */
export function describeTemplate(text: string): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (MEANING[name] ? `‹${MEANING[name]}›` : whole));
}
