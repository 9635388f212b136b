import { describe, expect, it } from 'vitest';
import { LINK_FAULTS, NODE_FAULTS } from '../../schema';
import { faultColor } from './LineChartCard';

describe('fault mark colours', () => {
  it('gives every link fault, corrupt included, the link colour, apart from the node faults', () => {
    const link = new Set(LINK_FAULTS.map(faultColor));
    expect(link.size).toBe(1);
    const [linkColor] = link;
    for (const t of NODE_FAULTS) expect(faultColor(t)).not.toBe(linkColor);
    expect(faultColor('corrupt')).toBe(linkColor);
  });

  it('tells crashes from slowness', () => {
    expect(faultColor('crash')).not.toBe(faultColor('slow'));
    expect(faultColor('slow')).toBe(faultColor('slowDisk'));
  });
});
