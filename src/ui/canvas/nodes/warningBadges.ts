import type { ScenarioWarning } from '../../../schema';
import type { Badge } from './NodeShell';

/** A few words on the node for each warning code; the whole sentence is the badge's tooltip. */
const LABELS: Readonly<Record<string, string>> = {
  reply_unroutable: 'replies go nowhere',
};

/** One 'warn' badge per kind of warning about the node, its sentences one a line in the title. */
export function warningBadges(warnings: readonly ScenarioWarning[]): Badge[] {
  const codes = [...new Set(warnings.map((w) => w.code))];
  return codes.map((code) => ({
    name: `warning-${code}`, value: 1, text: '', label: LABELS[code] ?? 'will not work as drawn', tone: 'warn',
    title: warnings.filter((w) => w.code === code).map((w) => w.message).join('\n'),
  }));
}
