import type { ClusterFact } from '../store/query-types.js';
import { isConflict } from './pair-key.js';

// The actor network: nodes are actors (countries by default, or registry actors), edges join the
// two sides of event clusters, weighted by cluster count and signed by the balance of cooperation
// (QuadClass 1–2) against conflict (3–4): +1 all cooperation, −1 all conflict.

export interface NetworkNode {
  id: string;
  clusters: number;
}

export interface NetworkEdge {
  source: string;
  target: string;
  clusters: number;
  cooperation: number;
  conflict: number;
  /** (cooperation − conflict) / clusters, in [−1, 1]. */
  sign: number;
  goldsteinMean: number;
}

export interface Network {
  nodes: NetworkNode[];
  edges: NetworkEdge[];
}

export interface NetworkOptions {
  /** Nodes are countries (default) or actor ids. */
  by?: 'country' | 'actor';
  /** Only edges touching this node. */
  focus?: string;
  /** Keep the heaviest edges only (default 200). */
  maxEdges?: number;
}

export function actorNetwork(facts: readonly ClusterFact[], options: NetworkOptions = {}): Network {
  const by = options.by ?? 'country';
  const maxEdges = options.maxEdges ?? 200;
  const edges = new Map<string, NetworkEdge & { g: number }>();
  for (const f of facts) {
    let a = by === 'country' ? f.sourceCountry : f.sourceActor;
    let b = by === 'country' ? f.targetCountry : f.targetActor;
    if (!a || !b || a === b) continue;
    if (options.focus && a !== options.focus && b !== options.focus) continue;
    if (a > b) [a, b] = [b, a];
    const key = `${a}\u0000${b}`;
    let e = edges.get(key);
    if (!e) edges.set(key, (e = { source: a, target: b, clusters: 0, cooperation: 0, conflict: 0, sign: 0, goldsteinMean: 0, g: 0 }));
    e.clusters++;
    if (isConflict(f.quadclass)) e.conflict++;
    else e.cooperation++;
    e.g += f.goldstein;
  }
  const kept = [...edges.values()]
    .sort((x, y) => y.clusters - x.clusters || (x.source + x.target < y.source + y.target ? -1 : 1))
    .slice(0, maxEdges);
  const nodes = new Map<string, number>();
  const out: NetworkEdge[] = kept.map(({ g, ...e }) => {
    nodes.set(e.source, (nodes.get(e.source) ?? 0) + e.clusters);
    nodes.set(e.target, (nodes.get(e.target) ?? 0) + e.clusters);
    return { ...e, sign: Math.round(((e.cooperation - e.conflict) / e.clusters) * 1000) / 1000, goldsteinMean: Math.round((g / e.clusters) * 100) / 100 };
  });
  return {
    nodes: [...nodes].map(([id, clusters]) => ({ id, clusters })).sort((x, y) => y.clusters - x.clusters || (x.id < y.id ? -1 : 1)),
    edges: out,
  };
}
