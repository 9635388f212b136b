import { describe, expect, it } from 'vitest';
import { splitTopicKey, topicMatches } from './topicMatch';

// semantics.md A1.2: the reference matcher, checked against a real RabbitMQ on 840 combinations.
describe('A1.2 topic matching', () => {
  it('splits "" into zero words and keeps empty words', () => {
    expect(splitTopicKey('')).toEqual([]);
    expect(splitTopicKey('a..b')).toEqual(['a', '', 'b']);
    expect(splitTopicKey('.')).toEqual(['', '']);
    expect(splitTopicKey('a.')).toEqual(['a', '']);
  });

  it('matches an empty routing key only with #, #.# and an empty binding key', () => {
    for (const b of ['#', '#.#', '']) expect(topicMatches(b, ''), b).toBe(true);
    for (const b of ['*', '#.*', '*.#', 'a']) expect(topicMatches(b, ''), b).toBe(false);
  });

  it('lets * match exactly one word, which may be empty', () => {
    expect(topicMatches('a.*.b', 'a..b')).toBe(true);
    expect(topicMatches('a.*.b', 'a.b')).toBe(false);
    expect(topicMatches('a.*.b', 'a.x.y.b')).toBe(false);
    expect(topicMatches('*', 'a')).toBe(true);
    expect(topicMatches('*', 'a.b')).toBe(false);
  });

  it('lets # match zero or more words', () => {
    for (const k of ['a.b', 'a.x.b', 'a.x.y.b']) expect(topicMatches('a.#.b', k), k).toBe(true);
    expect(topicMatches('a.#.b', 'a.b.c')).toBe(false);
    expect(topicMatches('a.#', 'a')).toBe(true);
    expect(topicMatches('#.a', 'a')).toBe(true);
    expect(topicMatches('#', 'anything.at.all')).toBe(true);
    expect(topicMatches('#.#', 'a')).toBe(true);
  });

  it('compares words byte-exactly and case-sensitively', () => {
    expect(topicMatches('abc', 'abc')).toBe(true);
    expect(topicMatches('abc', 'ABC')).toBe(false);
    expect(topicMatches('a.b', 'a.b.')).toBe(false);
  });

  it('routes the keys of RabbitMQ tutorial 5 as the tutorial says', () => {
    const q1 = (k: string) => topicMatches('*.orange.*', k);
    const q2 = (k: string) => topicMatches('*.*.rabbit', k) || topicMatches('lazy.#', k);
    const cases: [string, boolean, boolean][] = [
      ['quick.orange.rabbit', true, true],
      ['lazy.orange.elephant', true, true],
      ['quick.orange.fox', true, false],
      ['lazy.brown.fox', false, true],
      ['lazy.pink.rabbit', false, true],
      ['quick.brown.fox', false, false],
      ['orange', false, false],
      ['quick.orange.new.rabbit', false, false],
      ['lazy.orange.new.rabbit', false, true],
    ];
    for (const [key, one, two] of cases) {
      expect(q1(key), `${key} → Q1`).toBe(one);
      expect(q2(key), `${key} → Q2`).toBe(two);
    }
  });
});
