import { useStore } from '@xyflow/react';
import { useMemo } from 'react';
import { labelScales, labelSizeAt, zoomStep } from './presenterLabels';
import { usePresenterStore } from './presenterStore';

const NO_SCALES: number[] = [];

/**
 * The edge labels' type (document px) and the smaller sizes a crowded one may take (presenterLabels.ts), for the
 * zoom on screen: the fit's, or the teacher's own. The zoom is read in steps (zoomStep), so an edge re-renders when
 * the zoom moved a step, never on a frame of a run. `editorPx` and no smaller sizes outside the presenter.
 */
export function usePresenterLabelType(editorPx: number): { px: number; scales: readonly number[] } {
  const on = usePresenterStore((s) => s.on);
  const zoom = useStore((s) => (on ? zoomStep(s.transform[2]) : 0));
  return useMemo(() => {
    if (!on) return { px: editorPx, scales: NO_SCALES };
    const px = labelSizeAt(zoom);
    return { px, scales: labelScales(px, zoom) };
  }, [on, zoom, editorPx]);
}
