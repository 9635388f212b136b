import { useState } from 'react';
import { Dialog } from './Dialog';

/** What the one who opens the link gets, in a sentence. */
const RECEIVES = {
  scenario: 'Anyone who opens this link gets a copy of the whole scenario; nothing is uploaded, it lives in the link itself.',
  // The link carries the lesson as written, not this page's document: a teacher who pressed Do it must not
  // expect the students' canvas to replay those faults.
  lesson: 'Students who open this link get this lesson as written, with its scenario and seed, so the same steps give everyone the'
    + ' same run and the same verdicts. The link does not carry the faults you scheduled with Do it or your edits to the canvas:'
    + ' students press Do it themselves. Nothing is uploaded: the link names a built-in lesson, or carries your own lesson whole.',
} as const;

export function ShareDialog({ url, copied, subject = 'scenario', onClose }: { url: string; copied: boolean; subject?: 'scenario' | 'lesson'; onClose: () => void }) {
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
    <Dialog title={`Share this ${subject}`} onClose={onClose} width={600} testId="share-dialog"
      footer={<button type="button" className="btn btn-primary" onClick={onClose}>Done</button>}>
      <p>{RECEIVES[subject]}</p>
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
