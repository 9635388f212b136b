import { memo } from 'react';
import type { NODE_KIND_SPECS } from '../../schema';
import { KindIcon } from '../icons/KindIcon';
import { requestAddAtCentre } from './addRequest';

export const DRAG_MIME = 'application/x-brokerlab-kind';

type Spec = (typeof NODE_KIND_SPECS)[number];

export const PaletteItem = memo(function PaletteItem({ spec }: { spec: Spec }) {
  return (
    <button
      type="button"
      className={`palette-item kind-${spec.kind}`}
      data-testid={`palette-item-${spec.kind}`}
      draggable
      onDragStart={(e) => {
        e.dataTransfer.setData(DRAG_MIME, spec.kind);
        e.dataTransfer.setData('text/plain', spec.kind);
        e.dataTransfer.effectAllowed = 'copy';
      }}
      onClick={() => requestAddAtCentre(spec.kind)}
      title={`${spec.label}: ${spec.description}`}
    >
      <span className="palette-icon"><KindIcon kind={spec.kind} /></span>
      <span className="palette-text">
        <strong>{spec.label}</strong>
        <span>{spec.description}</span>
      </span>
    </button>
  );
});
