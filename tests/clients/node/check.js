// graphology parses actorgraph's GEXF or GraphML: the same counts, actors,
// labels, links (parallel ones included, each end in its place), link types
// and directions as graph.json (XML-forbidden characters read back as
// U+FFFD): a directed link is a directed edge of a mixed graph.
//
// usage: node check.js GRAPH_JSON FORMAT FILE   (FORMAT: gexf, graphml)
'use strict';

const fs = require('fs');
const Graph = require('graphology');

const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const xmlSafe = s => s.replace(FORBIDDEN, '\uFFFD');

function fail(message) {
  console.error(message);
  process.exit(1);
}

// Objects compare whatever their key order.
const canonical = v =>
  JSON.stringify(Array.isArray(v) ? v : Object.keys(v).sort().map(k => [k, v[k]]));

function same(what, got, want) {
  const [g, w] = [canonical(got), canonical(want)];
  if (g !== w) fail(`${what} differ:\n  want ${w}\n  got  ${g}`);
}

function main([graphJson, format, file]) {
  const want = JSON.parse(fs.readFileSync(graphJson, 'utf8'));
  const parser = {gexf: require('graphology-gexf'), graphml: require('graphology-graphml')}[format];
  if (!parser) fail(`unknown format ${format}`);
  const graph = parser.parse(Graph, fs.readFileSync(file, 'utf8'));
  same('counts', [graph.order, graph.size], [want.nodes.length, want.edges.length]);
  const labels = {};
  graph.forEachNode((id, attrs) => (labels[id] = attrs.label));
  const wantLabels = {};
  for (const n of want.nodes) wantLabels[xmlSafe(n.id)] = xmlSafe(n.label);
  same('labels', labels, wantLabels);
  const links = {};
  graph.forEachEdge((key, attrs, source, target) =>
    (links[key] = [source, target, attrs.type, graph.isDirected(key)]));
  const wantLinks = {};
  for (const e of want.edges)
    wantLinks[e.key] = [xmlSafe(e.source), xmlSafe(e.target), e.type, e.directed];
  same('links', links, wantLinks);
  if (want.edges.some(e => e.directed) && want.edges.some(e => !e.directed) && graph.type !== 'mixed')
    fail(`graphology read a ${graph.type} graph, not a mixed one`);
  console.log(`graphology parsed ${format}: ${graph.order} nodes, ${graph.size} edges`);
}

main(process.argv.slice(2));
