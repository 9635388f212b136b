/** Small inline icons for the run buttons (media-control glyphs are missing from many system fonts). */
const svg = { width: 12, height: 12, viewBox: '0 0 12 12', 'aria-hidden': true, focusable: false } as const;

export const PlayIcon = () => <svg {...svg}><path d="M2.5 1.5v9l8-4.5z" fill="currentColor" /></svg>;
export const PauseIcon = () => <svg {...svg}><path d="M2.5 1.5h2.5v9H2.5zM7 1.5h2.5v9H7z" fill="currentColor" /></svg>;
export const StepIcon = () => <svg {...svg}><path d="M1.5 1.5v9l6-4.5z M8.5 1.5h2v9h-2z" fill="currentColor" /></svg>;
export const ResetIcon = () => (
  <svg {...svg}><path d="M6 1.5a4.5 4.5 0 1 1-4.24 3H3.4A3 3 0 1 0 6 3v1.8L3 2.25 6 0z" fill="currentColor" /></svg>
);
