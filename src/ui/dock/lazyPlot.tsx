import { lazy, Suspense, type ComponentType } from 'react';

/** What stands in the plot's place when its script could not be fetched (a tab left open across a new release). */
function PlotUnavailable() {
  return <p className="dock-empty" data-testid="chart-unavailable">The chart could not be loaded: reload the page.</p>;
}

/**
 * A chart's plot, loaded apart from the first screen: recharts and what it brings (d3, redux, immer) are
 * about a third of the app's script, and a chart has nothing to draw before a run. Each card asks for the
 * script when it first renders (`preload`), so it is there by the time a run sends samples and the plot is
 * drawn at once; were it not yet, a box of the plot's flex size keeps its room until it is, so the card
 * does not jump.
 */
export function lazyPlot<P extends object>(load: () => Promise<{ default: ComponentType<P> }>) {
  let ready: ComponentType<P> | undefined;
  let pending: Promise<{ default: ComponentType<P> }> | undefined;
  const fetchPlot = () => (pending ??= load().then(
    (module) => { ready = module.default; return module; },
    () => ({ default: PlotUnavailable as ComponentType<P> }),
  ));
  const Loaded = lazy(fetchPlot);
  function Plot(props: P) {
    // Once fetched, drawn without Suspense: React.lazy would still suspend for one render on a settled import.
    const Ready = ready;
    if (Ready) return <Ready {...props} />;
    return (
      <Suspense fallback={<div className="chart-plot-pending" style={{ width: '100%', flex: 1, minHeight: 0 }} />}>
        <Loaded {...props} />
      </Suspense>
    );
  }
  const preload = () => { void fetchPlot(); };
  return { Plot, preload };
}
