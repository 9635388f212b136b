import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string';
import { parseScenarioText, type ParseResult, type Scenario } from '../../schema';
import { parseLessonText, type LessonParseResult, type ParsedLesson } from '../../schema/parseLesson';
import type { RawTeacherRun } from '../lessons/teacherRun';

const PREFIX = '#scenario=';

/** The hash part of a share link: the scenario JSON, lz-string compressed. */
export function encodeShareHash(scenario: Scenario): string {
  return PREFIX + compressToEncodedURIComponent(JSON.stringify(scenario));
}

export function shareUrl(scenario: Scenario, location: { origin: string; pathname: string }): string {
  return `${location.origin}${location.pathname}${encodeShareHash(scenario)}`;
}

/** null when the hash holds no scenario; otherwise the parsed document or its errors. */
export function decodeShareHash(hash: string): ParseResult | null {
  if (!hash.startsWith(PREFIX)) return null;
  const text = decompressFromEncodedURIComponent(hash.slice(PREFIX.length));
  if (!text) {
    return { ok: false, errors: [{ code: 'bad_link', path: '', message: 'the link is damaged: its scenario could not be decompressed (was it cut short when copied?)' }] };
  }
  return parseScenarioText(text);
}

const LESSON_PREFIX = '#lesson=';
const LESSON_DATA_PREFIX = '#lesson-data=';

/**
 * A lesson link: a built-in lesson by id (short, and it follows the lesson as the file improves), or a
 * teacher's own lesson carried whole, like a scenario link. Either way every student opens the same
 * scenario and seed, so they all see the same run. `run`: the teacher's run came with it (lessonRunLink.ts).
 */
export type LessonLink =
  | { kind: 'builtin'; id: string; run?: RawTeacherRun }
  | { kind: 'data'; result: LessonParseResult; run?: RawTeacherRun };

export function encodeLessonHash(lesson: ParsedLesson, builtin: boolean): string {
  return builtin ? LESSON_PREFIX + encodeURIComponent(lesson.id) : LESSON_DATA_PREFIX + compressToEncodedURIComponent(JSON.stringify(lesson));
}

export function lessonShareUrl(lesson: ParsedLesson, builtin: boolean, location: { origin: string; pathname: string }): string {
  return `${location.origin}${location.pathname}${encodeLessonHash(lesson, builtin)}`;
}

/** null when the hash is no lesson link; a damaged link becomes errors, like a scenario link. */
export function decodeLessonHash(hash: string): LessonLink | null {
  if (hash.startsWith(LESSON_PREFIX)) {
    let id: string;
    try {
      id = decodeURIComponent(hash.slice(LESSON_PREFIX.length));
    } catch {
      return { kind: 'data', result: { ok: false, errors: [{ code: 'bad_link', path: '', message: 'the link is damaged: its lesson id is not valid URL text' }] } };
    }
    return { kind: 'builtin', id };
  }
  if (!hash.startsWith(LESSON_DATA_PREFIX)) return null;
  const text = decompressFromEncodedURIComponent(hash.slice(LESSON_DATA_PREFIX.length));
  if (!text) {
    return { kind: 'data', result: { ok: false, errors: [{ code: 'bad_link', path: '', message: 'the link is damaged: its lesson could not be decompressed (was it cut short when copied?)' }] } };
  }
  return { kind: 'data', result: parseLessonText(text) };
}
