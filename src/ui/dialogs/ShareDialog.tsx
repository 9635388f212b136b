import { useState } from 'react';
import { Dialog } from './Dialog';
import type { RunShareChoice } from './dialogStore';
import { ShareRunChoice, type ShareChoice } from './ShareRunChoice';

/** What the one who opens the link gets, in a sentence. */
const RECEIVES = {
  scenario: 'Anyone who opens this link gets a copy of the whole scenario; nothing is uploaded, it lives in the link itself.',
  // The link carries the lesson as written, not this page's document: a teacher who pressed Do it must not
  // expect the students' canvas to replay those faults.
  lesson: 'Students who open this link get this lesson as written, with its scenario and seed, so the same steps give everyone the'
    + ' same run and the same verdicts. The link does not carry the faults you scheduled with Do it or your edits to the canvas:'
    + ' students press Do it themselves. Nothing is uploaded: the link names a built-in lesson, or carries your own lesson whole.',
  lessonRun: 'Students who open this link get this lesson with your run: its seed and your faults at the times they happened,'
    + ' so Play gives everyone the run you saw, with the same figures and the same verdicts. Their lesson panel says which'
    + ' faults are yours, and when. Nothing is uploaded: the link carries the run (and your own lesson whole).',
} as const;

interface ShareDialogProps { url: string; copied: boolean; subject?: 'scenario' | 'lesson'; withRun?: RunShareChoice; onClose: () => void }

export function ShareDialog({ url, copied, subject = 'scenario', withRun, onClose }: ShareDialogProps) {
  const [state, setState] = useState<'copied' | 'failed' | null>(copied ? 'copied' : null);
  const [choice, setChoice] = useState<ShareChoice>('written');
  const linkFor = (c: ShareChoice): string => (c === 'run' && withRun ? withRun.url : url);
  const shown = linkFor(choice);
  const copy = async (text: string) => {
    try {
      await navigator.clipboard.writeText(text);
      setState('copied');
    } catch {
      setState('failed');
    }
  };
  // Choosing is asking for that link: copy it at once, as opening the dialog copied the first.
  const choose = (next: ShareChoice) => {
    setChoice(next);
    void copy(linkFor(next));
  };
  return (
    <Dialog title={`Share this ${subject}`} onClose={onClose} width={600} testId="share-dialog"
      footer={<button type="button" className="btn btn-primary" onClick={onClose}>Done</button>}>
      {withRun && <ShareRunChoice run={withRun} choice={choice} onChoose={choose} />}
      <p data-testid="share-receives">{choice === 'run' ? RECEIVES.lessonRun : RECEIVES[subject]}</p>
      <div className="share-url">
        <input className="input" readOnly value={shown} aria-label="Share link" data-testid="share-url" onFocus={(e) => e.currentTarget.select()} />
        <button type="button" className="btn" onClick={() => void copy(shown)}>Copy</button>
      </div>
      <p className="muted" role="status" style={{ marginTop: 8 }}>
        {state === 'copied' && 'Copied to the clipboard.'}
        {state === 'failed' && 'The browser did not allow copying; select the link and copy it by hand.'}
        {state === null && `The link is ${shown.length.toLocaleString()} characters long.`}
      </p>
    </Dialog>
  );
}
