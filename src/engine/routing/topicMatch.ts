/**
 * RabbitMQ topic matching, exactly as semantics.md A1.2 states it (the reference matcher from
 * rabbit_db_topic_exchange_SUITE, checked against a real broker on 840 combinations):
 * - "" is zero words; anything else splits on every "." so empty words are words ("a..b" → a, "", b);
 * - "*" matches exactly one word (which may be empty); "#" matches zero or more words;
 * - other words compare byte-exact, case-sensitive.
 */
export function splitTopicKey(key: string): string[] {
  return key === '' ? [] : key.split('.');
}

export function topicMatches(bindingKey: string, routingKey: string): boolean {
  return matchWords(splitTopicKey(bindingKey), 0, splitTopicKey(routingKey), 0);
}

/** A compiled binding pattern: split once, matched many times. */
export function compileTopic(bindingKey: string): (routingWords: readonly string[]) => boolean {
  const f = splitTopicKey(bindingKey);
  return (t) => matchWords(f, 0, t, 0);
}

function matchWords(f: readonly string[], fi: number, t: readonly string[], ti: number): boolean {
  for (;;) {
    if (fi === f.length) return ti === t.length;
    const word = f[fi]!;
    if (word === '#') {
      if (fi === f.length - 1) return true; // a trailing # eats everything, including nothing
      // hash(F[1:], T) = match(F[1:], T) or (T != [] and hash(F[1:], T[1:]))
      for (let k = ti; k <= t.length; k++) if (matchWords(f, fi + 1, t, k)) return true;
      return false;
    }
    if (ti === t.length) return false;
    if (word !== '*' && word !== t[ti]) return false;
    fi++; ti++;
  }
}
