import { describe, expect, it } from 'vitest';
import type { ScenarioWarning } from '../../../schema';
import { warningBadges } from './warningBadges';

const warning = (code: string, message: string): ScenarioWarning => ({ code, path: 'nodes[2]', message, nodeId: 'worker' });

describe('warning badges on a node', () => {
  it('shows one readable warn badge per kind of warning, every sentence in its tooltip', () => {
    const badges = warningBadges([warning('reply_unroutable', 'no way to "client"'), warning('reply_unroutable', 'no way to "agg"')]);
    expect(badges).toEqual([{ name: 'warning-reply_unroutable', value: 1, text: '', label: 'replies go nowhere', tone: 'warn', title: 'no way to "client"\nno way to "agg"' }]);
  });

  it('shows nothing when there is nothing to say', () => {
    expect(warningBadges([])).toEqual([]);
  });
});
