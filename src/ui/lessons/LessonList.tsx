import { useMemo, useRef } from 'react';
import { formatError } from '../../schema';
import { BUILTIN_LESSONS } from './builtinLessons';
import { groupLessons } from './lessonCatalog';
import { useLessonStore } from './lessonStore';
import { openBuiltinLesson, openLessonFile } from './openLesson';

/** Every built-in lesson by topic, a broken file with its errors, and "Open lesson file…". */
export function LessonList() {
  const groups = useMemo(() => groupLessons(BUILTIN_LESSONS), []);
  const fileInput = useRef<HTMLInputElement>(null);
  const openTitle = useLessonStore((s) => s.open?.lesson.title ?? null);
  return (
    <div className="lesson-list" data-testid="lesson-list">
      <div className="lesson-toolbar">
        {openTitle !== null && (
          <button type="button" className="btn" data-testid="lesson-resume" onClick={() => useLessonStore.getState().showLesson()}>Back to “{openTitle}”</button>
        )}
        <span className="muted">Each lesson loads a scenario, says what to watch, guides an experiment and checks the run.</span>
        <button type="button" className="btn" data-testid="lesson-open-file" onClick={() => fileInput.current?.click()}
          title="Open your own lesson (a JSON file in the lesson format)">Open lesson file…</button>
        <input ref={fileInput} type="file" accept=".json,application/json" hidden data-testid="lesson-file"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void openLessonFile(file);
          }} />
      </div>
      {groups.length === 0 && <p className="muted">No lessons are bundled with this build.</p>}
      <div className="lesson-groups">
        {groups.map((g) => (
          <section key={g.topic} className="lesson-group">
            <h4>{g.topic}</h4>
            <ul>
              {g.entries.map((e) => (
                <li key={e.file}>
                  {e.ok ? (
                    <button type="button" className="lesson-item" data-testid={`lesson-${e.lesson.id}`} onClick={() => openBuiltinLesson(e.lesson)}>
                      <strong>{e.lesson.title}</strong>
                      <span>{firstSentence(e.lesson.summary)}</span>
                    </button>
                  ) : (
                    <div className="lesson-item lesson-item-broken" role="note" data-testid={`lesson-broken-${e.file}`}>
                      <strong>{e.file} (cannot be opened)</strong>
                      <span className="mono">{e.errors.slice(0, 3).map(formatError).join('; ')}{e.errors.length > 3 ? ` …and ${e.errors.length - 3} more` : ''}</span>
                    </div>
                  )}
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </div>
  );
}

function firstSentence(text: string): string {
  const end = text.search(/[.!?](\s|$)/);
  return end < 0 ? text : text.slice(0, end + 1);
}
