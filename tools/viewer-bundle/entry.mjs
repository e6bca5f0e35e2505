// The libraries the viewer page uses, gathered under one global,
// `ActorgraphLib`, so the page's own script (src/export/html/viewer.js) can
// stay plain, unbundled and readable.
import Graph from "graphology";
import Sigma from "sigma";
import { EdgeArrowProgram, EdgeLineProgram, NodeCircleProgram } from "sigma/rendering";
import forceAtlas2 from "graphology-layout-forceatlas2";
import louvain from "graphology-communities-louvain";

globalThis.ActorgraphLib = {
  Graph,
  Sigma,
  EdgeArrowProgram,
  EdgeLineProgram,
  NodeCircleProgram,
  forceAtlas2,
  louvain,
};
