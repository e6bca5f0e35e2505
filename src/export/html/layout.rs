//! Where the viewer first places each actor: ForceAtlas2 (Jacomy, Venturini,
//! Heymann and Bastian, 2014), with the settings and the step rule of
//! graphology's implementation, run once at export. The page then opens at
//! once, and the same graph always looks the same: the start is a fixed
//! spiral and the arithmetic runs in one order. Measured on the viewer's cut
//! of the query benchmark's graph (5,000 actors, 19,577 linked pairs, 250
//! steps, a busy 2-core machine): 2.5 s of CPU here, against 14.6 s for
//! graphology's ForceAtlas2 in Node, which the page would spend on every open.
//!
//! Repulsion between all pairs is O(n²) per iteration; above
//! [`BARNES_HUT_FROM`] actors a quadtree approximates far actors by their
//! centre of mass (Barnes–Hut), O(n log n).

use crate::graph::Graph;

/// From this many actors on, repulsion is approximated with a quadtree.
const BARNES_HUT_FROM: usize = 1_000;
/// How far a quadtree cell must be, relative to its width, to stand for its
/// actors: width / distance below this.
const THETA: f64 = 0.5;
/// Quadtree cells are not split below this depth; their actors repel one by one.
const MAX_DEPTH: usize = 24;
/// The positions span [-EXTENT, EXTENT] along their longer side.
const EXTENT: f64 = 1000.0;

/// Settings of ForceAtlas2, as graphology's `inferSettings` chooses them but
/// for gravity: at its 0.05, actors without links drift so far out that the
/// linked ones shrink to the middle of the view; 1 keeps them near.
struct Settings {
    scaling: f64,
    gravity: f64,
    slow_down: f64,
    iterations: usize,
}

impl Settings {
    fn for_order(n: usize) -> Settings {
        Settings {
            scaling: 10.0,
            gravity: 1.0,
            slow_down: 1.0 + (n.max(1) as f64).ln(),
            // Small graphs settle in a few hundred steps; large ones get fewer,
            // each costlier, so 5,000 actors take about a second.
            iterations: match n {
                0..=500 => 600,
                501..=2_000 => 400,
                _ => 250,
            },
        }
    }
}

/// One position per actor of `graph`, in its node order, rounded to 0.1.
pub fn positions(graph: &Graph) -> Vec<[f64; 2]> {
    let n = graph.nodes().len();
    let springs = springs(graph);
    let mut layout = Layout::new(n, &springs);
    let settings = Settings::for_order(n);
    for _ in 0..settings.iterations {
        layout.step(&springs, &settings);
    }
    layout.scaled()
}

/// One spring per linked pair of actors (parallel links pull once), whose
/// strength grows with the log of the pair's total weight, so that a pair
/// named together in a hundred sentences does not fold onto itself.
fn springs(graph: &Graph) -> Vec<(usize, usize, f64)> {
    let mut pairs: Vec<(usize, usize, f64)> = graph
        .edges()
        .iter()
        .filter(|e| e.source != e.target)
        .map(|e| {
            let (a, b) = (e.source.min(e.target), e.source.max(e.target));
            (a as usize, b as usize, e.weight.max(0.0))
        })
        .collect();
    pairs.sort_by_key(|&(a, b, _)| (a, b));
    let mut springs: Vec<(usize, usize, f64)> = Vec::with_capacity(pairs.len());
    for (a, b, w) in pairs {
        match springs.last_mut() {
            Some(last) if (last.0, last.1) == (a, b) => last.2 += w,
            _ => springs.push((a, b, w)),
        }
    }
    for s in &mut springs {
        s.2 = 1.0 + s.2.ln_1p();
    }
    springs
}

struct Layout {
    x: Vec<f64>,
    y: Vec<f64>,
    dx: Vec<f64>,
    dy: Vec<f64>,
    old_dx: Vec<f64>,
    old_dy: Vec<f64>,
    mass: Vec<f64>,
    convergence: Vec<f64>,
}

impl Layout {
    /// The start: a sunflower spiral, the best-linked actors at the centre.
    fn new(n: usize, springs: &[(usize, usize, f64)]) -> Layout {
        let mut degree = vec![0usize; n];
        let mut strength = vec![0.0f64; n];
        for &(a, b, w) in springs {
            degree[a] += 1;
            degree[b] += 1;
            strength[a] += w;
            strength[b] += w;
        }
        let mut order: Vec<usize> = (0..n).collect();
        order.sort_by(|&a, &b| strength[b].total_cmp(&strength[a]).then(a.cmp(&b)));
        let (mut x, mut y) = (vec![0.0; n], vec![0.0; n]);
        const GOLDEN_ANGLE: f64 = 2.399_963_229_728_653;
        for (rank, &v) in order.iter().enumerate() {
            let r = 10.0 * ((rank + 1) as f64).sqrt();
            let angle = rank as f64 * GOLDEN_ANGLE;
            x[v] = r * angle.cos();
            y[v] = r * angle.sin();
        }
        Layout {
            x,
            y,
            dx: vec![0.0; n],
            dy: vec![0.0; n],
            old_dx: vec![0.0; n],
            old_dy: vec![0.0; n],
            mass: degree.iter().map(|&d| 1.0 + d as f64).collect(),
            convergence: vec![1.0; n],
        }
    }

    fn step(&mut self, springs: &[(usize, usize, f64)], s: &Settings) {
        let n = self.x.len();
        std::mem::swap(&mut self.old_dx, &mut self.dx);
        std::mem::swap(&mut self.old_dy, &mut self.dy);
        self.dx.iter_mut().for_each(|d| *d = 0.0);
        self.dy.iter_mut().for_each(|d| *d = 0.0);
        if n >= BARNES_HUT_FROM {
            self.repel_approximately(s.scaling);
        } else {
            self.repel_exactly(s.scaling);
        }
        // Strong gravity: a pull towards the centre that grows with distance.
        for v in 0..n {
            let factor = s.scaling * self.mass[v] * (s.gravity / s.scaling);
            self.dx[v] -= self.x[v] * factor;
            self.dy[v] -= self.y[v] * factor;
        }
        for &(a, b, w) in springs {
            let (xd, yd) = (self.x[a] - self.x[b], self.y[a] - self.y[b]);
            self.dx[a] -= xd * w;
            self.dy[a] -= yd * w;
            self.dx[b] += xd * w;
            self.dy[b] += yd * w;
        }
        self.move_nodes(s.slow_down);
    }

    fn repel(&mut self, v: usize, (x, y, mass): (f64, f64, f64), scaling: f64) {
        let (xd, yd) = (self.x[v] - x, self.y[v] - y);
        let d2 = xd * xd + yd * yd;
        if d2 > 0.0 {
            let factor = scaling * self.mass[v] * mass / d2;
            self.dx[v] += xd * factor;
            self.dy[v] += yd * factor;
        }
    }

    fn repel_exactly(&mut self, scaling: f64) {
        for a in 0..self.x.len() {
            for b in 0..self.x.len() {
                if a != b {
                    self.repel(a, (self.x[b], self.y[b], self.mass[b]), scaling);
                }
            }
        }
    }

    fn repel_approximately(&mut self, scaling: f64) {
        let tree = QuadTree::new(&self.x, &self.y, &self.mass);
        let theta2 = THETA * THETA;
        for v in 0..self.x.len() {
            let mut i = 0;
            while i < tree.cells.len() {
                let cell = &tree.cells[i];
                let (xd, yd) = (self.x[v] - cell.cx, self.y[v] - cell.cy);
                let far = cell.width * cell.width < theta2 * (xd * xd + yd * yd);
                if cell.leaf() || far {
                    if cell.leaf() {
                        for &u in &tree.members[cell.start..cell.end] {
                            if u != v {
                                self.repel(v, (self.x[u], self.y[u], self.mass[u]), scaling);
                            }
                        }
                    } else {
                        self.repel(v, (cell.cx, cell.cy, cell.mass), scaling);
                    }
                    i = cell.skip;
                } else {
                    i += 1;
                }
            }
        }
    }

    /// graphology's step: each actor moves by its force times a speed that
    /// falls as the actor swings (its force changes direction) and adapts
    /// with its convergence.
    fn move_nodes(&mut self, slow_down: f64) {
        for v in 0..self.x.len() {
            let (dx, dy, odx, ody) = (self.dx[v], self.dy[v], self.old_dx[v], self.old_dy[v]);
            let swinging = self.mass[v] * ((odx - dx).powi(2) + (ody - dy).powi(2)).sqrt();
            let traction = ((odx + dx).powi(2) + (ody + dy).powi(2)).sqrt() / 2.0;
            let speed = self.convergence[v] * traction.ln_1p() / (1.0 + swinging.sqrt());
            self.convergence[v] = (speed * (dx * dx + dy * dy) / (1.0 + swinging.sqrt()))
                .sqrt()
                .min(1.0);
            self.x[v] += dx * speed / slow_down;
            self.y[v] += dy * speed / slow_down;
        }
    }

    /// Centred, scaled so the longer side spans [-EXTENT, EXTENT], rounded.
    fn scaled(&self) -> Vec<[f64; 2]> {
        let n = self.x.len();
        if n == 0 {
            return Vec::new();
        }
        let range = |v: &[f64]| {
            let lo = v.iter().copied().fold(f64::INFINITY, f64::min);
            let hi = v.iter().copied().fold(f64::NEG_INFINITY, f64::max);
            (lo, hi)
        };
        let (x0, x1) = range(&self.x);
        let (y0, y1) = range(&self.y);
        let half = ((x1 - x0).max(y1 - y0) / 2.0).max(f64::MIN_POSITIVE);
        let (cx, cy) = ((x0 + x1) / 2.0, (y0 + y1) / 2.0);
        let round = |v: f64| (v * 10.0).round() / 10.0;
        (0..n)
            .map(|v| {
                let x = round((self.x[v] - cx) / half * EXTENT);
                let y = round((self.y[v] - cy) / half * EXTENT);
                if x.is_finite() && y.is_finite() {
                    [x, y]
                } else {
                    [0.0, 0.0]
                }
            })
            .collect()
    }
}

/// A quadtree in depth-first order: a cell's children follow it, and `skip`
/// is the index after its subtree, so a walk that does not open a cell jumps
/// there.
struct QuadTree {
    cells: Vec<Cell>,
    /// Actor indices, grouped so that each leaf's actors are contiguous.
    members: Vec<usize>,
}

struct Cell {
    /// Centre of mass and total mass of the cell's actors.
    cx: f64,
    cy: f64,
    mass: f64,
    width: f64,
    /// The cell's actors: `members[start..end]`.
    start: usize,
    end: usize,
    /// Index of the first cell after this one's subtree.
    skip: usize,
    children: bool,
}

impl Cell {
    fn leaf(&self) -> bool {
        !self.children
    }
}

impl QuadTree {
    fn new(x: &[f64], y: &[f64], mass: &[f64]) -> QuadTree {
        let mut members: Vec<usize> = (0..x.len()).collect();
        let (mut x0, mut y0) = (f64::INFINITY, f64::INFINITY);
        let (mut x1, mut y1) = (f64::NEG_INFINITY, f64::NEG_INFINITY);
        for v in 0..x.len() {
            (x0, x1) = (x0.min(x[v]), x1.max(x[v]));
            (y0, y1) = (y0.min(y[v]), y1.max(y[v]));
        }
        let width = (x1 - x0).max(y1 - y0).max(1e-9);
        let mut tree = QuadTree {
            cells: Vec::new(),
            members: Vec::new(),
        };
        let square = (x0, y0, width);
        tree.build(&mut members, 0, square, 0, (x, y, mass));
        tree.members = members;
        tree
    }

    /// Adds the cell of `ids` (which start at `offset` in the member list)
    /// and its subtree; partitions `ids` in place by quadrant.
    fn build(
        &mut self,
        ids: &mut [usize],
        offset: usize,
        (x0, y0, width): (f64, f64, f64),
        depth: usize,
        (x, y, mass): (&[f64], &[f64], &[f64]),
    ) {
        let total: f64 = ids.iter().map(|&v| mass[v]).sum();
        let cx = ids.iter().map(|&v| x[v] * mass[v]).sum::<f64>() / total;
        let cy = ids.iter().map(|&v| y[v] * mass[v]).sum::<f64>() / total;
        let at = self.cells.len();
        let split = ids.len() > 1 && depth < MAX_DEPTH;
        self.cells.push(Cell {
            cx,
            cy,
            mass: total,
            width,
            start: offset,
            end: offset + ids.len(),
            skip: 0,
            children: split,
        });
        if split {
            let half = width / 2.0;
            let (mx, my) = (x0 + half, y0 + half);
            let quadrant = |v: usize| usize::from(x[v] >= mx) + 2 * usize::from(y[v] >= my);
            ids.sort_by_key(|&v| quadrant(v));
            let mut start = 0;
            for q in 0..4 {
                let end = start
                    + ids[start..]
                        .iter()
                        .take_while(|&&v| quadrant(v) == q)
                        .count();
                if end > start {
                    let corner = (x0 + half * (q % 2) as f64, y0 + half * (q / 2) as f64, half);
                    let part = &mut ids[start..end];
                    self.build(part, offset + start, corner, depth + 1, (x, y, mass));
                }
                start = end;
            }
        }
        self.cells[at].skip = self.cells.len();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::tests::sample;

    fn distance(p: [f64; 2], q: [f64; 2]) -> f64 {
        ((p[0] - q[0]).powi(2) + (p[1] - q[1]).powi(2)).sqrt()
    }

    #[test]
    fn positions_are_stable_spread_and_finite() {
        let g = sample();
        let a = positions(&g);
        assert_eq!(a, positions(&g), "the same graph, the same layout");
        assert_eq!(a.len(), 3);
        assert!(
            a.iter()
                .flatten()
                .all(|v| v.is_finite() && v.abs() <= EXTENT)
        );
        for i in 0..3 {
            for j in 0..i {
                assert!(distance(a[i], a[j]) > 100.0, "{a:?}");
            }
        }
    }

    #[test]
    fn linked_actors_end_closer_than_unlinked_ones() {
        // Two triangles joined by one link: each triangle stays together.
        use crate::graph::{Edge, EdgeKind, Header, Node};
        let node = |i: usize| Node {
            id: format!("n{i}"),
            label: format!("N{i}"),
            kind: crate::gazetteer::EntityType::Person,
            mentions: 1,
            docs: 1,
            scopes: 1,
            first: None,
            last: None,
            aliases: vec![],
        };
        let edge = |s: u32, t: u32| Edge::new(s, t, EdgeKind::CoMention, 3.0);
        let pairs = [(0, 1), (1, 2), (0, 2), (3, 4), (4, 5), (3, 5), (2, 3)];
        let g = Graph::new(
            Header::default(),
            (0..6).map(node).collect(),
            pairs.iter().map(|&(s, t)| edge(s, t)).collect(),
        );
        let p = positions(&g);
        let within = distance(p[0], p[1]).max(distance(p[4], p[5]));
        let across = distance(p[0], p[5]).min(distance(p[1], p[4]));
        assert!(within < across, "{p:?}");
    }

    #[test]
    fn the_quadtree_approximates_the_exact_repulsion() {
        let n = 300;
        let mut layout = Layout::new(n, &[]);
        let mut exact = Layout::new(n, &[]);
        layout.repel_approximately(1.0);
        exact.repel_exactly(1.0);
        for v in 0..n {
            let err = (layout.dx[v] - exact.dx[v]).hypot(layout.dy[v] - exact.dy[v]);
            let size = exact.dx[v].hypot(exact.dy[v]).max(1e-3);
            assert!(err / size < 0.2, "actor {v}: {err} against {size}");
        }
        let tree = QuadTree::new(&layout.x, &layout.y, &layout.mass);
        assert_eq!(tree.cells[0].skip, tree.cells.len());
        assert_eq!(tree.cells[0].mass, n as f64);
    }
}
