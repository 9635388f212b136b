import { formatError } from '../../schema';
import { useForm } from './form';

/** Says plainly that the last change was not applied, with every problem on request. */
export function RefusedBanner() {
  const { errors } = useForm();
  if (errors.length === 0) return null;
  return (
    <div className="refused" role="alert" data-testid="inspector-refused">
      <strong>Not applied:</strong> {errors.length === 1 ? 'one value needs fixing' : `${errors.length} values need fixing`}; the document keeps its last valid version.
      <details>
        <summary>All problems</summary>
        <ul>{errors.map((e) => <li key={`${e.path}|${e.message}`} className="mono">{formatError(e)}</li>)}</ul>
      </details>
    </div>
  );
}
