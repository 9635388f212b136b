import type { ChartWindow } from './chartSeries';

const CHOICES: { value: ChartWindow; label: string }[] = [
  { value: '30s', label: 'Last 30 s' },
  { value: '2m', label: 'Last 2 min' },
  { value: 'all', label: 'Whole run' },
];

/** Sliding window of simulated time shown by the charts. */
export function WindowSelector({ value, onChange }: { value: ChartWindow; onChange: (w: ChartWindow) => void }) {
  return (
    <div className="charts-window" role="radiogroup" aria-label="Chart window">
      {CHOICES.map((c) => (
        <button key={c.value} type="button" role="radio" aria-checked={value === c.value} data-testid={`chart-window-${c.value}`}
          className={value === c.value ? 'active' : ''} onClick={() => onChange(c.value)}>
          {c.label}
        </button>
      ))}
    </div>
  );
}
