import { create } from 'zustand';
import { temporal } from 'zundo';
import { isExchangeToExchangeBinding, kindSpec, parseScenario, type NodeKind, type Scenario, type ScenarioError, type ScenarioNode } from '../../schema';
import { newEdgeRole, refuseConnection, type ConnectOptions } from './connectionRules';
import { emptyScenario } from './defaultScenario';
import { copyFragment, type Fragment } from './fragment';
import { edgeId, nextId, usedIds } from './ids';
import { pruneReferences } from './references';

export interface XY { x: number; y: number }

/** Errors are values: an edit either commits a valid document or says why not, with JSON paths. */
export type EditResult = { ok: true } | { ok: false; errors: ScenarioError[] };
export type ConnectResult = { ok: true; edgeId: string } | { ok: false; reason: string };

/** A draft is plain JSON the edit may change freely; it is parsed before it becomes the document. */
type Draft = Scenario;

export interface DocumentState {
  /** Always a valid, parsed document. */
  scenario: Scenario;
  /**
   * Applies `change` to a copy; commits it only when `parseScenario` accepts the result.
   * Edits with the same `group` in quick succession (typing in one field) make one undo step.
   */
  edit: (change: (draft: Draft) => void, group?: string) => EditResult;
  addNode: (kind: NodeKind, position: XY) => string;
  updateNode: (id: string, patch: { label?: string | undefined; config?: unknown }, group?: string) => EditResult;
  updateNodeConfig: (id: string, config: unknown) => EditResult;
  updateEdgeConfig: (id: string, config: unknown, group?: string) => EditResult;
  /** A new edge; `options.channel: 'invalid'` makes it a filter's Invalid Message Channel. */
  connect: (source: string, target: string, options?: ConnectOptions) => ConnectResult;
  /** Removes the nodes, the edges, and every edge touching a removed node. */
  removeElements: (nodeIds: readonly string[], edgeIds: readonly string[]) => void;
  /** One call is one undo step: call it when a drag ends, not on every pointer move. */
  moveNodes: (positions: Readonly<Record<string, XY>>) => void;
  setName: (name: string) => EditResult;
  /** Scenario-level fields: name, description, seed, durationMs, workload, metrics. */
  updateScenario: (patch: Partial<Omit<Scenario, 'version' | 'nodes' | 'edges'>>, group?: string) => EditResult;
  /** Pastes copies of a fragment with fresh ids, shifted by `offset`; returns the new node ids. */
  paste: (fragment: Fragment, offset: XY) => string[];
  replaceScenario: (scenario: Scenario, options?: { resetHistory?: boolean }) => void;
}

const clone = (s: Scenario): Draft => structuredClone(s);

/** Keystrokes in one field closer together than this make one undo step. */
export const GROUP_WINDOW_MS = 1000;
let lastGroup: { key: string; at: number } | null = null;

/** True when this edit continues the previous one (same field, moments later): it must not add an undo step. */
function continuesGroup(group: string | undefined): boolean {
  const now = Date.now();
  const continues = group !== undefined && lastGroup !== null && lastGroup.key === group && now - lastGroup.at < GROUP_WINDOW_MS;
  lastGroup = group === undefined ? null : { key: group, at: now };
  return continues;
}
const round = (v: number) => Math.round(v * 10) / 10;

export const useDocumentStore = create<DocumentState>()(
  temporal(
    (set, get) => {
      const edit = (change: (draft: Draft) => void, group?: string): EditResult => {
        const draft = clone(get().scenario);
        change(draft);
        const result = parseScenario(draft);
        if (!result.ok) return { ok: false, errors: result.errors };
        const temporalState = useDocumentStore.temporal.getState();
        const silent = continuesGroup(group) && temporalState.isTracking;
        if (silent) temporalState.pause();
        try {
          set({ scenario: result.scenario });
        } finally {
          if (silent) temporalState.resume();
        }
        return { ok: true };
      };
      const mustEdit = (what: string, change: (draft: Draft) => void) => {
        const result = edit(change);
        if (!result.ok) throw new Error(`${what} produced an invalid document: ${result.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
      };
      const nodeIndex = (draft: Draft, id: string) => draft.nodes.findIndex((n) => n.id === id);
      return {
        scenario: emptyScenario(),
        edit,
        addNode: (kind, position) => {
          const spec = kindSpec(kind);
          if (!spec) throw new Error(`unknown node kind "${kind}"`);
          const id = nextId(kind, usedIds(get().scenario));
          const node = { id, kind, position: { x: round(position.x), y: round(position.y) } } as unknown as ScenarioNode;
          mustEdit(`adding ${id}`, (d) => { d.nodes.push(node); });
          return id;
        },
        updateNode: (id, patch, group) => edit((d) => {
          const i = nodeIndex(d, id);
          const node = d.nodes[i];
          if (!node) return;
          if ('label' in patch) {
            if (patch.label === undefined || patch.label === '') delete node.label;
            else node.label = patch.label;
          }
          if ('config' in patch) (node as { config: unknown }).config = patch.config;
        }, group),
        updateNodeConfig: (id, config) => get().updateNode(id, { config }),
        updateEdgeConfig: (id, config, group) => edit((d) => {
          const edge = d.edges.find((e) => e.id === id);
          if (edge) (edge as { config: unknown }).config = config;
        }, group),
        connect: (source, target, options = {}) => {
          const scenario = get().scenario;
          const reason = refuseConnection(scenario, source, target, options);
          if (reason) return { ok: false, reason };
          const id = edgeId(source, target, usedIds(scenario));
          const [from, to] = [scenario.nodes.find((n) => n.id === source)!, scenario.nodes.find((n) => n.id === target)!];
          // A second edge between exchanges, once the alternate exchange exists, is a binding (A1.1.6).
          const role = isExchangeToExchangeBinding(newEdgeRole(scenario, from, to, options.channel), to.kind) ? { role: 'bind' as const } : {};
          const config = options.channel === 'invalid' ? { delayMs: 0, channel: 'invalid' as const } : { delayMs: 0, ...role };
          const result = edit((d) => { d.edges.push({ id, source, target, config }); });
          if (!result.ok) return { ok: false, reason: result.errors.map((e) => e.message).join('; ') };
          return { ok: true, edgeId: id };
        },
        removeElements: (nodeIds, edgeIds) => {
          const nodes = new Set(nodeIds);
          const edges = new Set(edgeIds);
          if (nodes.size === 0 && edges.size === 0) return;
          mustEdit('removing elements', (d) => {
            d.nodes = d.nodes.filter((n) => !nodes.has(n.id));
            d.edges = d.edges.filter((e) => !edges.has(e.id) && !nodes.has(e.source) && !nodes.has(e.target));
            pruneReferences(d);
          });
        },
        moveNodes: (positions) => {
          const moved = get().scenario.nodes.some((n) => {
            const p = positions[n.id];
            return p && (round(p.x) !== n.position.x || round(p.y) !== n.position.y);
          });
          if (!moved) return;
          mustEdit('moving nodes', (d) => {
            for (const node of d.nodes) {
              const p = positions[node.id];
              if (p) node.position = { x: round(p.x), y: round(p.y) };
            }
          });
        },
        setName: (name) => edit((d) => { d.name = name; }),
        updateScenario: (patch, group) => edit((d) => { Object.assign(d, patch); }, group),
        paste: (fragment, offset) => {
          const copy = copyFragment(fragment, usedIds(get().scenario), offset);
          if (copy.nodes.length === 0) return [];
          mustEdit('pasting', (d) => {
            d.nodes.push(...copy.nodes);
            d.edges.push(...copy.edges);
            pruneReferences(d); // what a copy names but has no edge to (a router target, a reply queue)
          });
          return copy.nodes.map((n) => n.id);
        },
        replaceScenario: (scenario, options) => {
          set({ scenario });
          if (options?.resetHistory) useDocumentStore.temporal.getState().clear();
        },
      };
    },
    {
      partialize: (state) => ({ scenario: state.scenario }),
      equality: (past, current) => past.scenario === current.scenario,
      limit: 200,
    },
  ),
);

/** The current document, outside React. */
export function getScenario(): Scenario {
  return useDocumentStore.getState().scenario;
}

export function undo(): void { useDocumentStore.temporal.getState().undo(); }
export function redo(): void { useDocumentStore.temporal.getState().redo(); }
