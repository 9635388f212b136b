import { beforeEach, describe, expect, it } from 'vitest';
import { emptyScenario } from './defaultScenario';
import { getScenario, useDocumentStore } from './documentStore';
import { nodeWarnings, warningsByNode } from './nodeWarnings';

const store = () => useDocumentStore.getState();
const add = (kind: Parameters<ReturnType<typeof store>['addNode']>[0]) => store().addNode(kind, { x: 0, y: 0 });

beforeEach(() => {
  store().replaceScenario(emptyScenario(), { resetHistory: true });
});

/** requester → queue → consumer, drawn as a user draws it: the reply edge not yet there. */
function drawRequestsToAQueue() {
  const req = add('requester');
  const q = add('queue');
  const c = add('consumer');
  for (const [s, t] of [[req, q], [q, c]] as const) expect(store().connect(s, t)).toMatchObject({ ok: true });
  return { req, q, c };
}

describe('node warnings of the document (A4 Return Address)', () => {
  it('a consumer answering requests with no edge back is warned of until the reply edge is drawn', () => {
    const { req, c } = drawRequestsToAQueue();
    expect(nodeWarnings(getScenario(), c).map((w) => w.code)).toEqual(['reply_unroutable']);
    expect(nodeWarnings(getScenario(), req)).toEqual([]);
    expect(store().connect(c, req)).toMatchObject({ ok: true });
    expect(nodeWarnings(getScenario(), c)).toEqual([]);
  });

  it('works them out once per document version and keeps a node\'s list while its warnings read the same', () => {
    const { c } = drawRequestsToAQueue();
    const before = getScenario();
    expect(warningsByNode(before)).toBe(warningsByNode(before));
    const list = nodeWarnings(before, c);
    expect(store().setName('renamed')).toEqual({ ok: true });
    expect(getScenario()).not.toBe(before);
    expect(nodeWarnings(getScenario(), c)).toBe(list); // same list: the node's badge does not re-render
  });
});
