import { Dialog } from './Dialog';

export function ErrorsDialog({ title, intro, lines, onClose }: { title: string; intro: string; lines: string[]; onClose: () => void }) {
  return (
    <Dialog title={title} onClose={onClose} width={620} testId="errors-dialog"
      footer={<button type="button" className="btn btn-primary" onClick={onClose} data-autofocus>OK</button>}>
      <p>{intro}</p>
      <ul className="error-lines" role="alert">
        {lines.map((line, i) => <li key={i}>{line}</li>)}
      </ul>
    </Dialog>
  );
}
