import type { Speed } from '../../protocol';

/** Choices offered in the speed selector (simulated ms per wall ms), plus "as fast as possible". */
export const SPEED_CHOICES: readonly Speed[] = [0.1, 0.25, 0.5, 1, 2, 5, 10, 25, 50, 100, 250, 500, 1000, 'max'];

export function speedLabel(speed: Speed): string {
  return speed === 'max' ? 'max' : `${speed}×`;
}

export function parseSpeed(value: string): Speed | null {
  if (value === 'max') return 'max';
  const n = Number(value);
  return SPEED_CHOICES.includes(n) ? n : null;
}
