import { useLayoutEffect, useRef } from 'react';
import { formatError } from '../../schema';
import { useForm } from './form';
import { keepFieldClear } from './keepFieldClear';

/** Says plainly that the last change was not applied, with every problem on request. */
export function RefusedBanner() {
  const { errors } = useForm();
  const banner = useRef<HTMLDivElement>(null);
  // After each refused change, once the fields show their errors: the field in error must not sit under the banner.
  useLayoutEffect(() => { if (banner.current) keepFieldClear(banner.current); }, [errors]);
  if (errors.length === 0) return null;
  return (
    <div className="refused" role="alert" data-testid="inspector-refused" ref={banner}>
      <strong>Not applied:</strong> {errors.length === 1 ? 'one value needs fixing' : `${errors.length} values need fixing`}; the document keeps its last valid version.
      <details>
        <summary>All problems</summary>
        <ul>{errors.map((e) => <li key={`${e.path}|${e.message}`} className="mono">{formatError(e)}</li>)}</ul>
      </details>
    </div>
  );
}
