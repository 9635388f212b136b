/** A safe download name from the document name: `Topic routing` → `Topic-routing.json`. */
export function fileNameFor(name: string): string {
  const base = name.trim().replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 80);
  return `${base || 'scenario'}.json`;
}

/** Exactly the document `npm run sim` runs, pretty-printed. */
export function scenarioFileText(scenario: unknown): string {
  return `${JSON.stringify(scenario, null, 2)}\n`;
}
