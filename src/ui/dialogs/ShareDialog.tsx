import { useState } from 'react';
import { Dialog } from './Dialog';

export function ShareDialog({ url, copied, onClose }: { url: string; copied: boolean; onClose: () => void }) {
  const [state, setState] = useState<'copied' | 'failed' | null>(copied ? 'copied' : null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setState('copied');
    } catch {
      setState('failed');
    }
  };
  return (
    <Dialog title="Share this scenario" onClose={onClose} width={600} testId="share-dialog"
      footer={<button type="button" className="btn btn-primary" onClick={onClose}>Done</button>}>
      <p>Anyone who opens this link gets a copy of the whole scenario; nothing is uploaded, it lives in the link itself.</p>
      <div className="share-url">
        <input className="input" readOnly value={url} aria-label="Share link" data-testid="share-url" onFocus={(e) => e.currentTarget.select()} />
        <button type="button" className="btn" onClick={() => void copy()}>Copy</button>
      </div>
      <p className="muted" role="status" style={{ marginTop: 8 }}>
        {state === 'copied' && 'Copied to the clipboard.'}
        {state === 'failed' && 'The browser did not allow copying; select the link and copy it by hand.'}
        {state === null && `The link is ${url.length.toLocaleString()} characters long.`}
      </p>
    </Dialog>
  );
}
