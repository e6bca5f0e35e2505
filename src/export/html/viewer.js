// actorgraph viewer: reads the graph from the page's JSON element, draws it
// with sigma.js (WebGL), and lets a reader search, filter, colour, follow
// routes and read every link's evidence.
//
// Every text of the data (names, aliases, snippets, document ids) reaches the
// page through textContent or an attribute value, never as markup.
// `window.actorgraph` exposes the state to scripts and tests.
"use strict";
(function () {
  const { Graph, Sigma, EdgeArrowProgram, EdgeLineProgram, louvain } = window.ActorgraphLib;
  const started = performance.now();
  const data = JSON.parse(document.getElementById("actorgraph-data").textContent);
  const N = data.nodes.id.length;
  const M = data.edges.source.length;
  const nodes = data.nodes;
  const edges = data.edges;
  const edgeAttributes = edges.attributes || {};
  const nodeAttributes = nodes.attributes || {};

  // ---------------------------------------------------------------- DOM helpers

  const $ = (id) => document.getElementById(id);

  /** An element with attributes and children; strings become text nodes. */
  function el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      if (value === undefined || value === null || value === false) continue;
      if (name === "style") Object.assign(node.style, value);
      else if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
      else node.setAttribute(name, value === true ? "" : String(value));
    }
    for (const child of children.flat()) {
      if (child === undefined || child === null || child === false) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  const numberFormat = new Intl.NumberFormat("en", { maximumFractionDigits: 3 });
  const fmt = (n) => (typeof n === "number" ? numberFormat.format(n) : String(n));
  const plural = (n, one, many) => `${fmt(n)} ${n === 1 ? one : many || one + "s"}`;

  // ---------------------------------------------------------------- the model

  const actorTypes = data.actor_types;
  const linkTypes = data.link_types;
  const documents = data.documents;

  /** A date's first and last day, as comparable strings: "2024" spans 2024-01-01 … 2024-12-31. */
  function firstDay(date) {
    return date.length === 4 ? date + "-01-01" : date.length === 7 ? date + "-01" : date;
  }
  function lastDay(date) {
    return date.length === 4 ? date + "-12-31" : date.length === 7 ? date + "-31" : date;
  }

  // A link's span, as `actorgraph path --since/--until` reads it: a missing
  // first date is open towards the past, a missing last date towards the
  // future (a gazetteer fact that still holds).
  const edgeFrom = edges.first.map((d) => (d ? firstDay(d) : null));
  const edgeTo = edges.last.map((d) => (d ? lastDay(d) : null));

  /** The links of each actor, by index. */
  const incident = Array.from({ length: N }, () => []);
  for (let i = 0; i < M; i++) {
    incident[edges.source[i]].push(i);
    if (edges.target[i] !== edges.source[i]) incident[edges.target[i]].push(i);
  }

  /** The links between each pair of actors: "a,b" with a <= b → link indices. */
  const pairLinks = new Map();
  const pairKey = (a, b) => (a < b ? `${a},${b}` : `${b},${a}`);
  for (let i = 0; i < M; i++) {
    const key = pairKey(edges.source[i], edges.target[i]);
    if (!pairLinks.has(key)) pairLinks.set(key, []);
    pairLinks.get(key).push(i);
  }

  // ---------------------------------------------------------------- names

  // The same folding as the command line's (src/normalize.rs): case,
  // diacritics, apostrophes that join (Hay'at = Hayat) or split a
  // possessive 's, dashes and spaces between words, other punctuation a
  // word of its own. The page's data holds each actor's names already
  // normalized by the command line, with its spelling variants.
  const APOSTROPHES = new Set(["'", "`", "\u2019", "\u2018", "\u02BC", "\u02BB", "\u00B4", "\u02B9", "\u2032"]);
  const SPECIAL = { "ı": "i", "ß": "ss", "ø": "o", "ł": "l", "đ": "d", "ð": "d", "ħ": "h", "æ": "ae", "œ": "oe", "þ": "th", "ة": "ه", "ى": "ي" };
  const isMark = (c) => /\p{M}/u.test(c);
  const isWord = (c) => /[\p{L}\p{N}\p{M}]/u.test(c);
  const isInvisible = (c) => /[\u00AD\u0640\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF]/.test(c);
  const isSeparator = (c) => /[\s\p{Cc}\u2010-\u2015\u2212\uFE58\uFE63\uFF0D\u058A-]/u.test(c);

  function normalizeName(text) {
    const chars = Array.from(text);
    const words = [];
    let word = "";
    const end = () => {
      if (word) words.push(word);
      word = "";
    };
    for (let i = 0; i < chars.length; i++) {
      const c = chars[i];
      if (APOSTROPHES.has(c)) {
        const next = chars[i + 1];
        const possessive = word && (next === "s" || next === "S") && !(chars[i + 2] && isWord(chars[i + 2]));
        if (possessive) end();
      } else if (isInvisible(c) || isMark(c)) {
        // vanishes
      } else if (isSeparator(c)) {
        end();
      } else if (/[\p{L}\p{N}]/u.test(c)) {
        for (const lower of c.toLowerCase()) {
          const folded = SPECIAL[lower] || lower.normalize("NFD");
          for (const f of folded) if (!isMark(f)) word += f;
        }
      } else {
        end();
        words.push(c);
      }
    }
    end();
    return words.join(" ");
  }

  /** Normalized name → actor indices. */
  const byKey = new Map();
  for (let v = 0; v < N; v++) {
    for (const key of nodes.keys[v]) {
      if (!byKey.has(key)) byKey.set(key, []);
      byKey.get(key).push(v);
    }
  }
  const allKeys = [...byKey.keys()].sort();

  /**
   * The actors a typed name stands for, best first: as `actorgraph path`
   * resolves a name (an id; a normalized name or variant; else the last
   * words of a person's name), then names that begin with what was typed.
   * `exact` tells how many of them the name itself resolves to.
   */
  function findActors(text, limit = 20) {
    const typed = text.trim();
    if (!typed) return { found: [], exact: 0 };
    const found = [];
    const seen = new Set();
    const add = (v, via) => {
      if (!seen.has(v)) {
        seen.add(v);
        found.push({ v, via });
      }
    };
    const byId = nodes.id.indexOf(typed);
    if (byId >= 0) add(byId, typed);
    const key = normalizeName(typed);
    for (const v of byKey.get(key) || []) add(v, key);
    if (found.length === 0 && key) {
      for (const k of allKeys) {
        if (k.length > key.length && k.endsWith(" " + key)) {
          for (const v of byKey.get(k)) if (actorTypes[nodes.type[v]].name === "person") add(v, k);
        }
      }
    }
    const exact = found.length;
    if (key) {
      for (const k of allKeys) {
        if (found.length >= limit) break;
        if (k.startsWith(key) || k.includes(" " + key)) for (const v of byKey.get(k)) add(v, k);
      }
    }
    return { found: found.slice(0, Math.max(limit, exact)), exact };
  }

  /** The alias an actor was found by, as written, for a result line. */
  function writtenAlias(v, key) {
    for (const [text] of nodes.aliases[v]) if (normalizeName(text) === key) return text;
    return null;
  }

  // ---------------------------------------------------------------- filters

  const distinct = (values) => [...new Set(values)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const weights = distinct(edges.weight);
  const dates = distinct([...edgeFrom, ...edgeTo].filter((d) => d !== null));
  const alphas = edgeAttributes.alpha ? [1, 0.5, 0.2, 0.1, 0.05, 0.01, 0.001] : null;
  const presentActorTypes = distinct(nodes.type);
  const presentLinkTypes = distinct(edges.type);

  const filters = {
    actorTypes: new Set(presentActorTypes),
    linkTypes: new Set(presentLinkTypes),
    minWeight: 0, // index into weights
    alpha: 0, // index into alphas
    dateFrom: 0, // index into dates
    dateTo: Math.max(0, dates.length - 1),
    keepUndated: true,
    hideIsolated: false,
  };

  const nodeShown = new Uint8Array(N);
  const edgeShown = new Uint8Array(M);

  function edgePasses(i) {
    if (!filters.linkTypes.has(edges.type[i])) return false;
    if (weights.length && edges.weight[i] < weights[filters.minWeight]) return false;
    if (alphas) {
      const alpha = edgeAttributes.alpha[i];
      if (typeof alpha === "number" && alpha > alphas[filters.alpha]) return false;
    }
    if (edgeFrom[i] === null && edgeTo[i] === null) return filters.keepUndated;
    if (edgeTo[i] !== null && edgeTo[i] < dates[filters.dateFrom]) return false;
    if (edgeFrom[i] !== null && edgeFrom[i] > dates[filters.dateTo]) return false;
    return true;
  }

  function applyFilters() {
    for (let v = 0; v < N; v++) nodeShown[v] = filters.actorTypes.has(nodes.type[v]) ? 1 : 0;
    const linked = new Uint8Array(N);
    for (let i = 0; i < M; i++) {
      const s = edges.source[i];
      const t = edges.target[i];
      edgeShown[i] = nodeShown[s] && nodeShown[t] && edgePasses(i) ? 1 : 0;
      if (edgeShown[i]) linked[s] = linked[t] = 1;
    }
    if (filters.hideIsolated) for (let v = 0; v < N; v++) nodeShown[v] &= linked[v];
    if (state.route && !state.route.nodes.every((v) => nodeShown[v])) state.route = null;
    if (state.route && !state.route.edges.every((i) => edgeShown[i])) state.route = null;
    if (state.edge !== null && !edgeShown[state.edge]) state.edge = null;
    if (state.node !== null && !nodeShown[state.node]) state.node = null;
    updateFocus();
    renderStatus();
    if (sigma) sigma.refresh();
  }

  // ---------------------------------------------------------------- route

  // Routes are found as `actorgraph path` finds them by default (the page's
  // `routes`): by specificity, through the actor types it lists (a place may
  // end a route but not carry it), without the gazetteer facts outside the
  // corpus's period. Each link's specificity comes computed with the page.
  const routing = data.routes || { through: null };
  const passable = Uint8Array.from(nodes.type, (t) => (!routing.through || routing.through.includes(actorTypes[t].name) ? 1 : 0));
  const specificity = edges.specificity || new Array(M).fill(0);
  const outsidePeriod = edges.outside_period || new Array(M).fill(false);

  // The cost of one step of a route along a link, as [primary, secondary],
  // compared in that order. This mirrors `actorgraph path`'s default
  // (Metric::Specificity in src/query/search.rs): 2 − specificity, and among
  // routes of equal cost the heaviest. Change it here to follow `path`.
  function routeStepCost(link) {
    return [2 - Math.min(1, Math.max(0, specificity[link])), -edges.weight[link]];
  }

  const compareCost = (a, b) => a[0] - b[0] || a[1] - b[1];

  /** Which of two links of one pair carries a route: more specific, heavier, then typed, then first. */
  function betterLink(a, b) {
    const typed = (i) => (linkTypes[edges.type[i]].name === "co_mention" ? 1 : 0);
    return specificity[b] - specificity[a] || edges.weight[b] - edges.weight[a] || typed(a) - typed(b) || a - b;
  }

  /** Adjacency over the links shown that routes may use: per actor, [neighbour, link], by neighbour. */
  function network() {
    const best = new Map();
    for (let i = 0; i < M; i++) {
      if (!edgeShown[i] || edges.source[i] === edges.target[i] || outsidePeriod[i]) continue;
      const key = pairKey(edges.source[i], edges.target[i]);
      const held = best.get(key);
      if (held === undefined || betterLink(i, held) < 0) best.set(key, i);
    }
    const adjacency = Array.from({ length: N }, () => []);
    for (const i of best.values()) {
      adjacency[edges.source[i]].push([edges.target[i], i]);
      adjacency[edges.target[i]].push([edges.source[i], i]);
    }
    for (const links of adjacency) links.sort((a, b) => a[0] - b[0]);
    return adjacency;
  }

  /** A binary heap of [cost, actor], cheapest first, then the lowest actor. */
  class Queue {
    constructor() {
      this.items = [];
    }
    static before(a, b) {
      return compareCost(a[0], b[0]) < 0 || (compareCost(a[0], b[0]) === 0 && a[1] < b[1]);
    }
    push(item) {
      const h = this.items;
      h.push(item);
      let i = h.length - 1;
      while (i > 0) {
        const p = (i - 1) >> 1;
        if (!Queue.before(h[i], h[p])) break;
        [h[i], h[p]] = [h[p], h[i]];
        i = p;
      }
    }
    pop() {
      const h = this.items;
      const top = h[0];
      const last = h.pop();
      if (h.length) {
        h[0] = last;
        let i = 0;
        for (;;) {
          const l = 2 * i + 1;
          const r = l + 1;
          let m = i;
          if (l < h.length && Queue.before(h[l], h[m])) m = l;
          if (r < h.length && Queue.before(h[r], h[m])) m = r;
          if (m === i) break;
          [h[i], h[m]] = [h[m], h[i]];
          i = m;
        }
      }
      return top;
    }
    get size() {
      return this.items.length;
    }
  }

  /** The best route from actor `from` to actor `to` over the links shown (Dijkstra), or null. */
  function findRoute(from, to) {
    const adjacency = network();
    const best = new Array(N).fill(null);
    const parent = new Array(N).fill(null);
    const done = new Uint8Array(N);
    const queue = new Queue();
    best[from] = [0, 0];
    queue.push([[0, 0], from]);
    while (queue.size) {
      const [cost, v] = queue.pop();
      if (done[v]) continue;
      done[v] = 1;
      if (v === to) {
        const route = { nodes: [to], edges: [], cost };
        for (let w = to; w !== from; w = parent[w][0]) {
          route.nodes.unshift(parent[w][0]);
          route.edges.unshift(parent[w][1]);
        }
        return route;
      }
      if (!nodeShown[v]) continue;
      for (const [w, link] of adjacency[v]) {
        if (done[w] || !nodeShown[w] || (w !== to && !passable[w])) continue;
        const step = routeStepCost(link);
        const next = [cost[0] + step[0], cost[1] + step[1]];
        if (best[w] === null || compareCost(next, best[w]) < 0) {
          best[w] = next;
          parent[w] = [v, link];
          queue.push([next, w]);
        }
      }
    }
    return null;
  }

  // ---------------------------------------------------------------- communities

  const COMMUNITY_COLOURS = ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#17becf", "#bcbd22", "#7f7f7f"];
  let communities = null;

  /** Louvain communities over every link of the page (weights of a pair summed), seeded so they are the same on every open. */
  function computeCommunities() {
    if (communities) return communities;
    const simple = new Graph({ type: "undirected" });
    for (let v = 0; v < N; v++) simple.addNode(v);
    for (let i = 0; i < M; i++) {
      const s = edges.source[i];
      const t = edges.target[i];
      if (s === t) continue;
      const w = Math.max(0, edges.weight[i]);
      if (simple.hasEdge(s, t)) simple.updateEdgeAttribute(s, t, "weight", (x) => x + w);
      else simple.addEdge(s, t, { weight: w });
    }
    let seed = 0x9e3779b9;
    const rng = () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const raw = M ? louvain(simple, { rng, getEdgeWeight: "weight" }) : {};
    const members = new Map();
    for (let v = 0; v < N; v++) {
      const c = raw[v] ?? `alone-${v}`;
      if (!members.has(c)) members.set(c, []);
      members.get(c).push(v);
    }
    const groups = [...members.values()].sort((a, b) => b.length - a.length || a[0] - b[0]);
    const of = new Int32Array(N);
    groups.forEach((group, c) => group.forEach((v) => (of[v] = c)));
    communities = { of, groups };
    return communities;
  }

  const communityColour = (c) => (c < COMMUNITY_COLOURS.length - 1 ? COMMUNITY_COLOURS[c] : "#bbbbbb");

  // ---------------------------------------------------------------- state

  const state = {
    node: null, // selected actor
    edge: null, // selected link
    route: null, // { nodes, edges, cost }
    colour: "type",
    focusNodes: null, // Set of actors in focus, or null for all
    focusEdges: null,
  };

  function updateFocus() {
    if (state.route) {
      state.focusNodes = new Set(state.route.nodes);
      state.focusEdges = new Set(state.route.edges);
    } else if (state.edge !== null) {
      state.focusNodes = new Set([edges.source[state.edge], edges.target[state.edge]]);
      state.focusEdges = new Set([state.edge]);
    } else if (state.node !== null) {
      state.focusNodes = new Set([state.node]);
      state.focusEdges = new Set();
      for (const i of incident[state.node]) {
        if (!edgeShown[i]) continue;
        state.focusEdges.add(i);
        state.focusNodes.add(edges.source[i]);
        state.focusNodes.add(edges.target[i]);
      }
    } else {
      state.focusNodes = null;
      state.focusEdges = null;
    }
  }

  // ---------------------------------------------------------------- drawing

  const maxStrength = Math.max(1, ...nodes.strength);
  const nodeSize = (v) => 2.5 + 12 * Math.sqrt(nodes.strength[v] / maxStrength);
  const maxWeight = Math.max(1, ...edges.weight);
  const edgeSize = (i) => 1 + 4 * Math.sqrt(edges.weight[i] / maxWeight);

  function nodeColour(v) {
    if (state.colour === "community") return communityColour(computeCommunities().of[v]);
    return actorTypes[nodes.type[v]].colour;
  }

  function edgeColour(i) {
    const type = linkTypes[edges.type[i]];
    return type.name === "co_mention" ? "#8c8c8caa" : type.colour + "dd";
  }

  const graph = new Graph({ multi: true, type: "mixed", allowSelfLoops: true });
  for (let v = 0; v < N; v++) {
    graph.addNode(nodes.id[v], {
      index: v,
      x: nodes.x[v],
      y: -nodes.y[v],
      size: nodeSize(v),
      label: nodes.label[v],
    });
  }
  for (let i = 0; i < M; i++) {
    const add = edges.directed[i] ? "addDirectedEdgeWithKey" : "addUndirectedEdgeWithKey";
    graph[add](`e${i}`, nodes.id[edges.source[i]], nodes.id[edges.target[i]], {
      index: i,
      size: edgeSize(i),
      type: edges.directed[i] ? "arrow" : "line",
    });
  }

  const DIM_NODE = "#e4e4e4";
  const DIM_EDGE = "#eeeeee";

  function nodeReducer(key, attributes) {
    const v = attributes.index;
    const shown = { ...attributes, color: nodeColour(v) };
    if (!nodeShown[v]) return { ...shown, hidden: true };
    if (state.focusNodes && !state.focusNodes.has(v)) return { ...shown, color: DIM_NODE, label: "", zIndex: 0 };
    if (state.focusNodes) {
      const chosen = v === state.node || (state.route && (v === state.route.nodes[0] || v === state.route.nodes.at(-1)));
      // Every name in a small focus; in a large one, sigma's label grid decides.
      const label = chosen || state.route || state.focusNodes.size <= 30;
      return { ...shown, zIndex: 1, forceLabel: Boolean(label), highlighted: Boolean(chosen) };
    }
    return shown;
  }

  function edgeReducer(key, attributes) {
    const i = attributes.index;
    if (!edgeShown[i]) return { ...attributes, hidden: true };
    const shown = { ...attributes, color: edgeColour(i) };
    if (state.focusEdges && !state.focusEdges.has(i)) return { ...shown, color: DIM_EDGE, zIndex: 0 };
    if (state.focusEdges) {
      const strong = state.route || state.edge === i;
      const type = linkTypes[edges.type[i]];
      const colour = type.name === "co_mention" ? "#555555" : type.colour;
      return { ...shown, zIndex: 1, size: strong ? shown.size + 2 : shown.size, color: colour };
    }
    return shown;
  }

  let sigma = null;
  let webgl = true;
  try {
    sigma = new Sigma(graph, $("graph"), {
      nodeReducer,
      edgeReducer,
      enableEdgeEvents: true,
      zIndex: true,
      defaultEdgeType: "line",
      edgeProgramClasses: { line: EdgeLineProgram, arrow: EdgeArrowProgram },
      labelFont: "system-ui, sans-serif",
      labelSize: 12,
      labelDensity: 0.6,
      labelRenderedSizeThreshold: 7,
      minCameraRatio: 0.02,
      maxCameraRatio: 4,
      hideEdgesOnMove: M > 10000,
    });
  } catch (error) {
    webgl = false;
    $("graph").append(
      el("p", { class: "hint", style: { padding: "20px" } }, "This browser cannot draw the graph (WebGL is off or missing): ", String(error.message || error), ". Search, filters and evidence still work."),
    );
  }

  // ---------------------------------------------------------------- panels

  function typeBadge(name, colour) {
    return el("span", { class: "badge", style: { background: colour } }, name.replace(/_/g, " "));
  }

  function actorButton(v, extra) {
    return el(
      "button",
      { type: "button", class: "link", onclick: () => selectNode(v, { focus: true }) },
      el("span", { class: "swatch", style: { background: actorTypes[nodes.type[v]].colour } }),
      el("span", { class: "name" }, nodes.label[v]),
      extra ? el("span", { class: "muted" }, extra) : null,
    );
  }

  function facts(rows) {
    const list = el("dl", { class: "facts" });
    for (const [name, value] of rows) {
      if (value === undefined || value === null || value === "") continue;
      list.append(el("dt", {}, name), el("dd", {}, value));
    }
    return list;
  }

  const dateRange = (first, last) => (!first && !last ? null : first === last || !last ? first : !first ? last : `${first} – ${last}`);

  function attributeValue(value) {
    if (typeof value === "number") return fmt(value);
    if (typeof value === "string") return value;
    return JSON.stringify(value);
  }

  function showDetails(...content) {
    const body = $("details-body");
    body.replaceChildren(...content.flat().filter((c) => c !== null && c !== undefined && c !== false));
    $("details").hidden = false;
    $("details").scrollTop = 0;
    if (sigma) sigma.resize();
  }

  function hideDetails() {
    $("details").hidden = true;
    if (sigma) sigma.resize();
  }

  function renderNode(v) {
    const shownLinks = incident[v].filter((i) => edgeShown[i]);
    const neighbours = new Map();
    for (const i of shownLinks) {
      const w = edges.source[i] === v ? edges.target[i] : edges.source[i];
      if (!neighbours.has(w)) neighbours.set(w, { weight: 0, types: new Set() });
      const n = neighbours.get(w);
      n.weight = Math.max(n.weight, edges.weight[i]);
      n.types.add(linkTypes[edges.type[i]].name.replace(/_/g, " "));
    }
    const ordered = [...neighbours.entries()].sort((a, b) => b[1].weight - a[1].weight || a[0] - b[0]);
    const extra = Object.keys(nodeAttributes)
      .filter((name) => nodeAttributes[name][v] !== null && nodeAttributes[name][v] !== undefined)
      .map((name) => [name, attributeValue(nodeAttributes[name][v])]);
    const type = actorTypes[nodes.type[v]];
    const shownAliases = nodes.aliases[v];
    const list = el("ul", { class: "plain" });
    for (const [w, n] of ordered.slice(0, 200)) list.append(el("li", {}, actorButton(w, `${[...n.types].join(", ")} · ${fmt(n.weight)}`)));
    showDetails(
      el("h3", { id: "details-title" }, nodes.label[v]),
      el("p", {}, typeBadge(type.name, type.colour), " ", el("span", { class: "muted" }, nodes.id[v])),
      nodeAttributes.description && nodeAttributes.description[v] ? el("p", { class: "description" }, nodeAttributes.description[v]) : null,
      facts([
        ["mentions", fmt(nodes.mentions[v])],
        ["documents", fmt(nodes.docs[v])],
        ["dates", dateRange(nodes.first[v], nodes.last[v])],
        ["degree", `${plural(shownLinks.length, "link")} shown, to ${plural(neighbours.size, "actor")}`],
        ["all links", incident[v].length !== shownLinks.length ? fmt(incident[v].length) : null],
        ...extra.filter(([name]) => name !== "description"),
      ]),
      el(
        "div",
        { class: "buttons" },
        el("button", { type: "button", onclick: () => setRouteEnd("from", v) }, "Route from here"),
        el("button", { type: "button", onclick: () => setRouteEnd("to", v) }, "Route to here"),
      ),
      el("h4", {}, `Aliases (${shownAliases.length})`),
      shownAliases.length
        ? el("ul", { class: "plain aliases" }, shownAliases.map(([text, count]) => el("li", {}, el("span", { class: "alias" }, text), el("span", { class: "muted" }, ` ×${fmt(count)}`))))
        : el("p", { class: "muted" }, "none recorded"),
      el("h4", {}, `Neighbours (${ordered.length})`),
      list,
      ordered.length > 200 ? el("p", { class: "muted" }, `and ${fmt(ordered.length - 200)} more`) : null,
    );
  }

  function linkTitle(i) {
    const type = linkTypes[edges.type[i]];
    const s = nodes.label[edges.source[i]];
    const t = nodes.label[edges.target[i]];
    return edges.directed[i] ? [el("span", { class: "name" }, s), ` ${type.name.replace(/_/g, " ")} `, el("span", { class: "name" }, t)] : [el("span", { class: "name" }, s), " — ", el("span", { class: "name" }, t)];
  }

  function renderEdge(i) {
    const type = linkTypes[edges.type[i]];
    const s = edges.source[i];
    const t = edges.target[i];
    const extra = Object.keys(edgeAttributes)
      .filter((name) => edgeAttributes[name][i] !== null && edgeAttributes[name][i] !== undefined)
      .map((name) => [name, attributeValue(edgeAttributes[name][i])]);
    const evidence = edges.evidence[i];
    const others = (pairLinks.get(pairKey(s, t)) || []).filter((j) => j !== i);
    const items = evidence.map(([doc, sentence, snippet]) => {
      const document = documents[doc];
      const where = [document.id, sentence !== null && sentence !== undefined ? `sentence ${sentence + 1}` : null, document.date].filter(Boolean).join(" · ");
      return el("li", { class: "evidence-item" }, el("blockquote", { class: "evidence" }, snippet), el("div", { class: "source" }, where));
    });
    const unseen = edges.docs[i] - new Set(evidence.map(([doc]) => doc)).size;
    showDetails(
      el("h3", { id: "details-title" }, linkTitle(i)),
      el("p", {}, typeBadge(type.name, type.colour)),
      facts([
        ["direction", edges.directed[i] ? `from ${nodes.label[s]} to ${nodes.label[t]}` : "undirected"],
        ["weight", fmt(edges.weight[i])],
        ["documents", fmt(edges.docs[i])],
        ["dates", dateRange(edges.first[i], edges.last[i])],
        ["triggers", edges.triggers[i].length ? edges.triggers[i].join(", ") : null],
        ["found by", edges.rules[i].length ? edges.rules[i].join(", ") : null],
        ...extra,
      ]),
      el("ul", { class: "plain" }, el("li", {}, actorButton(s)), el("li", {}, actorButton(t))),
      el("h4", {}, `Evidence (${evidence.length})`),
      evidence.length ? el("ul", { class: "plain", id: "evidence" }, items) : el("p", { class: "muted" }, "No sentence is recorded for this link."),
      unseen > 0 ? el("p", { class: "muted" }, `${plural(unseen, "more document")} attest it; the graph file keeps up to its build's --evidence sentences per link, this page ${data.shown.evidence_per_link}.`) : null,
      others.length ? el("h4", {}, `Other links between them (${others.length})`) : null,
      others.length
        ? el(
            "ul",
            { class: "plain" },
            others.map((j) =>
              el("li", {}, el("button", { type: "button", class: "link", onclick: () => selectEdge(j) }, typeBadge(linkTypes[edges.type[j]].name, linkTypes[edges.type[j]].colour), el("span", { class: "muted" }, `weight ${fmt(edges.weight[j])}${edgeShown[j] ? "" : " (filtered out)"}`))),
            ),
          )
        : null,
    );
  }

  function renderStatus() {
    let actors = 0;
    let links = 0;
    for (let v = 0; v < N; v++) actors += nodeShown[v];
    for (let i = 0; i < M; i++) links += edgeShown[i];
    $("status").textContent = `Showing ${plural(actors, "actor")} and ${plural(links, "link")}.`;
    $("status").dataset.actors = actors;
    $("status").dataset.links = links;
  }

  // ---------------------------------------------------------------- selection

  function focusCamera(vs) {
    if (!sigma || !vs.length) return;
    const points = vs.map((v) => sigma.getNodeDisplayData(nodes.id[v])).filter(Boolean);
    if (!points.length) return;
    const xs = points.map((p) => p.x);
    const ys = points.map((p) => p.y);
    const span = Math.max(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys));
    const target = { x: (Math.max(...xs) + Math.min(...xs)) / 2, y: (Math.max(...ys) + Math.min(...ys)) / 2, ratio: Math.min(1, Math.max(0.08, span * 1.6)) };
    sigma.getCamera().animate(target, { duration: 400 });
  }

  function selectNode(v, { focus = false } = {}) {
    state.node = v;
    state.edge = null;
    updateFocus();
    renderNode(v);
    if (sigma) sigma.refresh();
    if (focus) focusCamera([...state.focusNodes]);
  }

  function selectEdge(i) {
    state.edge = i;
    state.node = null;
    updateFocus();
    renderEdge(i);
    if (sigma) sigma.refresh();
  }

  function clearSelection() {
    state.node = null;
    state.edge = null;
    updateFocus();
    hideDetails();
    if (sigma) sigma.refresh();
  }

  // ---------------------------------------------------------------- controls

  function renderSearch() {
    const { found, exact } = findActors($("search").value);
    const results = $("search-results");
    results.replaceChildren(
      ...found.map(({ v, via }, rank) => {
        const alias = writtenAlias(v, via);
        const note = [actorTypes[nodes.type[v]].name, alias && alias !== nodes.label[v] ? `as “${alias}”` : null].filter(Boolean).join(", ");
        return el("li", { "data-index": v, "data-exact": rank < exact ? "true" : null }, actorButton(v, note));
      }),
    );
    if ($("search").value.trim() && !found.length) results.append(el("li", { class: "muted" }, "No actor goes by that name."));
  }

  const route = { from: null, to: null };

  function setRouteEnd(end, v) {
    route[end] = v;
    $(`route-${end}`).value = nodes.label[v];
    if (route.from !== null && route.to !== null) showRoute();
  }

  /** The one actor a route field names, or a message saying why not. */
  function resolveField(end) {
    const text = $(`route-${end}`).value;
    if (route[end] !== null && text === nodes.label[route[end]]) return { v: route[end] };
    const { found, exact } = findActors(text, 0);
    if (exact === 1) return { v: found[0].v };
    if (exact > 1) return { message: `“${text}” may be any of: ${found.slice(0, exact).map(({ v }) => nodes.label[v]).join("; ")}. Pick one from the search results.` };
    return { message: text.trim() ? `No actor called “${text}”.` : `Name the actor the route goes ${end}.` };
  }

  function showRoute() {
    const from = resolveField("from");
    const to = resolveField("to");
    const out = $("route-result");
    if (from.message || to.message) {
      out.replaceChildren(el("p", { class: "muted" }, from.message || to.message));
      return;
    }
    route.from = from.v;
    route.to = to.v;
    const found = findRoute(from.v, to.v);
    state.route = found;
    state.node = null;
    state.edge = null;
    updateFocus();
    if (sigma) sigma.refresh();
    if (!found) {
      out.replaceChildren(el("p", { class: "muted", id: "route-none" }, `No route from ${nodes.label[from.v]} to ${nodes.label[to.v]} over the links shown${routing.through ? `, through ${routing.through.join(" and ")} only` : ""}.`));
      return;
    }
    const steps = el("ol", { id: "route-steps" });
    found.nodes.forEach((v, k) => {
      const item = el("li", { "data-index": v }, actorButton(v));
      if (k < found.edges.length) {
        const link = found.edges[k];
        item.append(el("button", { type: "button", class: "link", onclick: () => selectEdge(link) }, el("span", { class: "muted" }, `↓ ${linkTypes[edges.type[link]].name.replace(/_/g, " ")}, weight ${fmt(edges.weight[link])}, specificity ${fmt(specificity[link])}`)));
      }
      steps.append(item);
    });
    out.replaceChildren(el("p", {}, `${plural(found.edges.length, "hop")}, total weight ${fmt(-found.cost[1])}, cost ${fmt(found.cost[0])} (by specificity, through ${(routing.through || ["every actor"]).join(" and ")}):`), steps);
    focusCamera(found.nodes);
  }

  function clearRoute() {
    route.from = route.to = null;
    state.route = null;
    $("route-from").value = "";
    $("route-to").value = "";
    $("route-result").replaceChildren();
    updateFocus();
    if (sigma) sigma.refresh();
  }

  function checkbox(name, colour, checked, onchange, line) {
    return el(
      "label",
      { class: "check" },
      el("input", { type: "checkbox", checked, value: name, onchange }),
      el("span", { class: line ? "swatch line" : "swatch", style: { background: colour } }),
      name.replace(/_/g, " "),
    );
  }

  function setUpFilters() {
    $("actor-types").replaceChildren(
      ...presentActorTypes.map((t) =>
        checkbox(actorTypes[t].name, actorTypes[t].colour, true, (e) => {
          e.target.checked ? filters.actorTypes.add(t) : filters.actorTypes.delete(t);
          applyFilters();
        }),
      ),
    );
    $("link-types").replaceChildren(
      ...presentLinkTypes.map((t) =>
        checkbox(linkTypes[t].name, linkTypes[t].colour, true, (e) => {
          e.target.checked ? filters.linkTypes.add(t) : filters.linkTypes.delete(t);
          applyFilters();
        }, true),
      ),
    );
    const slider = (id, values, key, show) => {
      const input = $(id);
      input.max = Math.max(0, values.length - 1);
      input.value = filters[key];
      const label = () => ($(`${id}-value`).textContent = values.length ? show(values[filters[key]]) : "–");
      input.addEventListener("input", () => {
        filters[key] = Number(input.value);
        if (key === "dateFrom" && filters.dateFrom > filters.dateTo) $("date-to").value = filters.dateTo = filters.dateFrom;
        if (key === "dateTo" && filters.dateTo < filters.dateFrom) $("date-from").value = filters.dateFrom = filters.dateTo;
        labelAll();
        applyFilters();
      });
      return label;
    };
    const labels = [
      slider("min-weight", weights, "minWeight", fmt),
      slider("date-from", dates, "dateFrom", String),
      slider("date-to", dates, "dateTo", String),
    ];
    if (alphas) {
      $("alpha-filter").hidden = false;
      labels.push(slider("alpha", alphas, "alpha", fmt));
    }
    function labelAll() {
      labels.forEach((label) => label());
    }
    labelAll();
    $("date-filter").hidden = dates.length === 0;
    $("keep-undated").addEventListener("change", (e) => {
      filters.keepUndated = e.target.checked;
      applyFilters();
    });
    $("hide-isolated").addEventListener("change", (e) => {
      filters.hideIsolated = e.target.checked;
      applyFilters();
    });
    $("reset").addEventListener("click", () => {
      Object.assign(filters, { actorTypes: new Set(presentActorTypes), linkTypes: new Set(presentLinkTypes), minWeight: 0, alpha: 0, dateFrom: 0, dateTo: Math.max(0, dates.length - 1), keepUndated: true, hideIsolated: false });
      setUpFilters();
      $("keep-undated").checked = true;
      $("hide-isolated").checked = false;
      applyFilters();
    });
  }

  function renderLegend() {
    const legend = $("legend");
    if (state.colour === "community") {
      const { groups } = computeCommunities();
      const top = groups.slice(0, COMMUNITY_COLOURS.length - 1);
      legend.replaceChildren(
        ...top.map((group, c) => {
          const hub = group.reduce((a, b) => (nodes.strength[b] > nodes.strength[a] ? b : a));
          return el("li", {}, el("span", { class: "swatch", style: { background: communityColour(c) } }), `${plural(group.length, "actor")}, around `, el("span", { class: "name" }, nodes.label[hub]));
        }),
        groups.length > top.length ? el("li", {}, el("span", { class: "swatch", style: { background: communityColour(top.length) } }), `${fmt(groups.length - top.length)} smaller communities`) : null,
      );
    } else {
      legend.replaceChildren(
        ...presentActorTypes.map((t) => el("li", {}, el("span", { class: "swatch", style: { background: actorTypes[t].colour } }), actorTypes[t].name)),
        ...presentLinkTypes.map((t) => el("li", {}, el("span", { class: "swatch line", style: { background: linkTypes[t].colour } }), `${linkTypes[t].name.replace(/_/g, " ")}${linkTypes[t].directed ? " (arrow: who acts on whom)" : ""}`)),
      );
    }
  }

  function renderAbout() {
    const h = data.header || {};
    const counts = h.counts || {};
    const rows = [
      ["tool", [h.tool, h.version].filter(Boolean).join(" ")],
      ["gazetteer", h.gazetteer],
      ["inputs", (h.inputs || []).join(", ")],
      ["created", h.created],
      ...Object.entries(counts).map(([k, v]) => [k, attributeValue(v)]),
      ...Object.entries(h.options || {}).map(([k, v]) => [k, attributeValue(v)]),
    ];
    $("about").replaceChildren(...rows.filter(([, v]) => v !== undefined && v !== "").flatMap(([k, v]) => [el("dt", {}, k), el("dd", {}, v)]));
  }

  // ---------------------------------------------------------------- wiring

  const shown = data.shown;
  const cut = shown.actors < shown.of_actors || shown.links < shown.of_links;
  $("summary").textContent = cut
    ? `${plural(shown.actors, "actor")} and ${plural(shown.links, "link")}: the strongest of ${fmt(shown.of_actors)} actors and ${fmt(shown.of_links)} links.`
    : `${plural(shown.actors, "actor")} and ${plural(shown.links, "link")}.`;
  document.title = `actorgraph: ${plural(shown.actors, "actor")}, ${plural(shown.links, "link")}`;

  setUpFilters();
  renderLegend();
  renderAbout();
  applyFilters();

  $("search").addEventListener("input", renderSearch);
  $("search").addEventListener("keydown", (e) => {
    if (e.key !== "Enter") return;
    const first = $("search-results").querySelector("li[data-index]");
    if (first) selectNode(Number(first.dataset.index), { focus: true });
  });
  for (const end of ["from", "to"]) {
    $(`route-${end}`).addEventListener("keydown", (e) => e.key === "Enter" && showRoute());
    $(`route-${end}`).addEventListener("input", () => (route[end] = null));
  }
  $("route-go").addEventListener("click", showRoute);
  $("route-clear").addEventListener("click", clearRoute);
  $("details-close").addEventListener("click", clearSelection);
  for (const radio of document.querySelectorAll("input[name=colour]")) {
    radio.addEventListener("change", () => {
      state.colour = radio.value;
      renderLegend();
      if (sigma) sigma.refresh();
    });
  }
  if (sigma) {
    sigma.on("clickNode", ({ node }) => selectNode(graph.getNodeAttribute(node, "index")));
    sigma.on("clickEdge", ({ edge }) => selectEdge(graph.getEdgeAttribute(edge, "index")));
    sigma.on("clickStage", ({ event }) => {
      const near = edgeNear(event.x, event.y);
      if (near === null) clearSelection();
      else selectEdge(graph.getEdgeAttribute(near, "index"));
    });
    sigma.on("enterEdge", () => ($("graph").style.cursor = "pointer"));
    sigma.on("leaveEdge", () => ($("graph").style.cursor = ""));
    sigma.on("enterNode", () => ($("graph").style.cursor = "pointer"));
    sigma.on("leaveNode", () => ($("graph").style.cursor = ""));
  }

  // Links are thin: a click that misses one by a few pixels still takes it.
  const NEAR = [];
  for (let r = 1; r <= 5; r++) for (let dx = -r; dx <= r; dx++) for (let dy = -r; dy <= r; dy++) if (Math.max(Math.abs(dx), Math.abs(dy)) === r) NEAR.push([dx, dy]);
  function edgeNear(x, y) {
    for (const [dx, dy] of NEAR) {
      const edge = sigma.getEdgeAtPoint(x + dx, y + dy);
      if (edge !== null) return edge;
    }
    return null;
  }

  /** Pixels the WebGL layers drew in a fresh render: a check that something is on screen. */
  function paintedPixels() {
    if (!sigma) return 0;
    sigma.refresh();
    let painted = 0;
    for (const id of ["edges", "nodes"]) {
      const canvas = sigma.getCanvases()[id];
      if (!canvas) continue;
      const copy = document.createElement("canvas");
      copy.width = canvas.width;
      copy.height = canvas.height;
      const context = copy.getContext("2d");
      context.drawImage(canvas, 0, 0);
      const pixels = context.getImageData(0, 0, copy.width, copy.height).data;
      for (let k = 3; k < pixels.length; k += 4) if (pixels[k] > 0) painted++;
    }
    return painted;
  }

  /** Where a link's midpoint is on screen, in the graph container's pixels. */
  function linkMidpoint(i) {
    const a = sigma.getNodeDisplayData(nodes.id[edges.source[i]]);
    const b = sigma.getNodeDisplayData(nodes.id[edges.target[i]]);
    const p = sigma.framedGraphToViewport({ x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 });
    const box = $("graph").getBoundingClientRect();
    return { x: box.left + p.x, y: box.top + p.y };
  }

  window.actorgraph = {
    data,
    graph,
    sigma,
    state,
    filters,
    webgl,
    normalizeName,
    findActors,
    findRoute,
    routeStepCost,
    selectNode,
    selectEdge,
    paintedPixels,
    linkMidpoint,
    isLinkShown: (i) => edgeShown[i] === 1,
    isActorShown: (v) => nodeShown[v] === 1,
    loadMs: performance.now() - started,
    ready: true,
  };
  document.body.dataset.ready = "true";
})();
