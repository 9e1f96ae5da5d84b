import { useEffect, useRef } from 'preact/hooks';

// A signed, weighted network (cytoscape, drawn on canvas: labels are never parsed as HTML).
// Edge colour: red conflict … green cooperation; width: clusters. A node click calls onNode(id).
// cytoscape is loaded with the first network shown, not with the dashboard.

export function Network({ network, label = (id) => id, onNode, focus }) {
  const el = useRef(null);
  const nodeClick = useRef(onNode);
  nodeClick.current = onNode;
  useEffect(() => {
    let cy = null;
    let live = true;
    import('cytoscape').then(({ default: cytoscape }) => {
      if (!live) return;
      cy = draw(cytoscape);
    });
    return () => {
      live = false;
      cy?.destroy();
    };
  }, [network, focus]);
  function draw(cytoscape) {
    const maxW = Math.max(1, ...network.edges.map((e) => e.clusters));
    const cy = cytoscape({
      container: el.current,
      elements: [
        ...network.nodes.map((n) => ({ data: { id: n.id, label: label(n.id), size: 14 + Math.min(26, Math.sqrt(n.clusters) * 4) }, classes: n.id === focus ? 'focus' : '' })),
        ...network.edges.map((e, i) => ({
          data: { id: `e${i}`, source: e.source, target: e.target, w: 1 + (7 * e.clusters) / maxW, color: `hsl(${Math.round(((e.sign + 1) / 2) * 130)}, 60%, 45%)` },
        })),
      ],
      style: [
        { selector: 'node', style: { label: 'data(label)', width: 'data(size)', height: 'data(size)', 'background-color': '#3b6ea5', 'font-size': 11, color: '#222', 'text-wrap': 'ellipsis', 'text-max-width': '120px' } },
        { selector: 'node.focus', style: { 'background-color': '#8e44ad' } },
        { selector: 'edge', style: { width: 'data(w)', 'line-color': 'data(color)', 'curve-style': 'bezier', opacity: 0.8 } },
      ],
      layout: { name: network.nodes.length > 1 ? 'cose' : 'grid', animate: false, randomize: false },
      userZoomingEnabled: false,
      boxSelectionEnabled: false,
    });
    cy.on('tap', 'node', (evt) => nodeClick.current?.(evt.target.id()));
    return cy;
  }
  return <div class="network" ref={el} role="img" aria-label="Actor network" />;
}
