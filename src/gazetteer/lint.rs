//! Checks of meaning across entities, once every source is loaded: successors
//! that exist, offices that one person holds at a time, and places that do
//! not lie within themselves.

use rustc_hash::FxHashMap as HashMap;

use super::{Entity, EntityIndex, Problem, Severity};
use crate::date::Date;
use crate::error::Location;
use crate::graph::kind::EdgeKind;
use crate::normalize::normalize;

/// Problems of meaning among `entities`, whose ids `by_id` indexes.
pub(super) fn lint(entities: &[Entity], by_id: &HashMap<String, EntityIndex>) -> Vec<Problem> {
    let mut problems = successors(entities, by_id);
    problems.extend(offices(entities));
    problems.extend(containment_cycles(entities, by_id));
    problems
}

/// Places that lie within themselves, directly (`a` in `a`) or through others
/// (`a` in `b`, `b` in `a`): each cycle once, from its first entity in load
/// order, at the fact that leaves it.
fn containment_cycles(entities: &[Entity], by_id: &HashMap<String, EntityIndex>) -> Vec<Problem> {
    // The enclosing places of the entities that have any, by `located_in`
    // facts: a map, since the entities of bulk lists have none.
    let mut parents: HashMap<usize, Vec<(usize, &Location)>> = HashMap::default();
    for (index, entity) in entities.iter().enumerate() {
        for fact in entity
            .facts
            .iter()
            .filter(|f| f.kind == EdgeKind::LocatedIn)
        {
            if let Some(&parent) = by_id.get(&fact.target) {
                parents
                    .entry(index)
                    .or_default()
                    .push((parent as usize, &fact.location));
            }
        }
    }
    let parents_of = |node: usize| parents.get(&node).map_or(&[][..], Vec::as_slice);
    // Depth-first, without recursion (a chain of places may be long): 0
    // unseen, 1 on the current path, 2 done.
    let mut state = vec![0u8; entities.len()];
    let mut cycles: Vec<Vec<usize>> = Vec::new();
    let mut roots: Vec<usize> = parents.keys().copied().collect();
    roots.sort_unstable();
    for root in roots {
        if state[root] != 0 {
            continue;
        }
        let mut path: Vec<(usize, usize)> = vec![(root, 0)];
        state[root] = 1;
        while let Some(&mut (node, ref mut next)) = path.last_mut() {
            let Some(&(parent, _)) = parents_of(node).get(*next) else {
                state[node] = 2;
                path.pop();
                continue;
            };
            *next += 1;
            match state[parent] {
                0 => {
                    state[parent] = 1;
                    path.push((parent, 0));
                }
                1 => {
                    let start = path.iter().position(|&(n, _)| n == parent).unwrap_or(0);
                    let mut cycle: Vec<usize> = path[start..].iter().map(|&(n, _)| n).collect();
                    let first = (0..cycle.len()).min_by_key(|&i| cycle[i]).unwrap_or(0);
                    cycle.rotate_left(first);
                    cycles.push(cycle);
                }
                _ => {}
            }
        }
    }
    cycles.sort();
    cycles.dedup();
    cycles
        .into_iter()
        .map(|cycle| {
            let (first, second) = (cycle[0], cycle[1 % cycle.len()]);
            let location = parents_of(first)
                .iter()
                .find(|&&(p, _)| p == second)
                .map_or(&entities[first].location, |&(_, at)| at);
            let names: Vec<&str> = cycle
                .iter()
                .chain(&cycle[..1])
                .map(|&i| entities[i].id.as_str())
                .collect();
            let message = if cycle.len() == 1 {
                format!("'{}' is located in itself", names[0])
            } else {
                format!("places located in each other: {}", names.join(" in "))
            };
            Problem {
                location: location.clone(),
                severity: Severity::Error,
                message,
            }
        })
        .collect()
}

fn successors(entities: &[Entity], by_id: &HashMap<String, EntityIndex>) -> Vec<Problem> {
    let mut problems = Vec::new();
    for entity in entities {
        let Some(next) = &entity.successor else {
            continue;
        };
        let message = match by_id.get(next).map(|&i| &entities[i as usize]) {
            None => format!("successor '{next}' is not the id of any entity"),
            Some(n) if n.id == entity.id => format!("'{next}' is its own successor"),
            Some(n) if n.kind != entity.kind => format!(
                "successor '{next}' is a {}, but '{}' is a {}",
                n.kind, entity.id, entity.kind
            ),
            Some(_) if entity.to.is_none() => format!(
                "'{}' has a successor but no end: give it `to`, the date '{next}' took over",
                entity.id
            ),
            Some(_) => continue,
        };
        problems.push(Problem {
            location: entity.location.clone(),
            severity: Severity::Error,
            message,
        });
    }
    problems
}

/// Two people in one office (the same title of the same entity) on one day,
/// unless the office is marked `shared`.
fn offices(entities: &[Entity]) -> Vec<Problem> {
    struct Term<'a> {
        holder: &'a Entity,
        from: Option<Date>,
        to: Option<Date>,
        location: &'a Location,
    }
    let mut offices: HashMap<(String, &str), Vec<Term>> = HashMap::default();
    for entity in entities {
        for fact in &entity.facts {
            let Some(title) = &fact.title else { continue };
            if fact.shared {
                continue;
            }
            offices
                .entry((normalize(title).into_text(), fact.target.as_str()))
                .or_default()
                .push(Term {
                    holder: entity,
                    from: fact.from,
                    to: fact.to,
                    location: &fact.location,
                });
        }
    }
    let mut problems = Vec::new();
    for ((_, of), terms) in &offices {
        for (i, a) in terms.iter().enumerate() {
            for b in &terms[..i] {
                if a.holder.id == b.holder.id || !overlap(a.from, a.to, b.from, b.to) {
                    continue;
                }
                problems.push(Problem {
                    location: a.location.clone(),
                    severity: Severity::Error,
                    message: format!(
                        "'{}' and '{}' ({}) hold the same office of '{of}' at the same time; \
                         give the terms dates that do not overlap, or mark the office `shared = true` on both",
                        a.holder.id, b.holder.id, b.location
                    ),
                });
            }
        }
    }
    problems
}

/// True when the terms `[a_from, a_to)` and `[b_from, b_to)` surely share a
/// day; an unknown start is the beginning of time, an unknown end is still
/// open. A term that ends on the day the next begins is a hand-over, not an
/// overlap, and so is one that ends in the month (or year) the next begins
/// when either is known only to the month (or year).
fn overlap(
    a_from: Option<Date>,
    a_to: Option<Date>,
    b_from: Option<Date>,
    b_to: Option<Date>,
) -> bool {
    let before = |end: Option<Date>, start: Option<Date>| match (end, start) {
        (Some(end), Some(start)) => end.first_day() <= start.last_day(),
        _ => false,
    };
    !before(a_to, b_from) && !before(b_to, a_from)
}

#[cfg(test)]
mod tests {
    use crate::gazetteer::Gazetteer;

    fn problems(text: &str) -> Vec<String> {
        Gazetteer::from_toml_str("t.toml", text)
            .unwrap()
            .problems()
            .iter()
            .map(ToString::to_string)
            .collect()
    }

    const IRAN: &str = "[[entity]]\nid = \"iran\"\nname = \"Iran\"\ntype = \"place\"\n";

    #[test]
    fn offices_hold_one_person_at_a_time_unless_shared() {
        let person = |id: &str, term: &str| {
            format!(
                "[[entity]]\nid = \"{id}\"\nname = \"{id}\"\ntype = \"person\"\nroles = [{{ title = \"Foreign Minister\", of = \"iran\"{term} }}]\n"
            )
        };
        let table = [
            // A hand-over on one day is no overlap.
            (", to = \"2024-08-21\"", ", from = \"2024-08-21\"", 0),
            (", to = \"2024-08-22\"", ", from = \"2024-08-21\"", 1),
            (", to = \"2025-02-08\"", ", from = \"2025-02\"", 0),
            ("", ", from = \"2024-08-21\"", 1),
            (
                ", from = \"2021\", to = \"2024-05-19\"",
                ", from = \"2024-08\"",
                0,
            ),
            (", shared = true", ", shared = true", 0),
        ];
        for (a, b, errors) in table {
            let text = format!("{IRAN}{}{}", person("a", a), person("b", b));
            let p = problems(&text);
            let found = p.iter().filter(|m| m.contains("same office")).count();
            assert_eq!(found, errors, "{a} / {b}: {p:?}");
        }
    }

    #[test]
    fn successors_exist_and_follow_an_end() {
        let army = |extra: &str| {
            format!(
                "{IRAN}[[entity]]\nid = \"old\"\nname = \"Old Army\"\ntype = \"group\"\n{extra}\n\
                 [[entity]]\nid = \"new\"\nname = \"New Army\"\ntype = \"group\"\nfrom = \"2025-01-29\"\n"
            )
        };
        assert_eq!(
            problems(&army("to = \"2025-01-29\"\nsuccessor = \"new\"")),
            Vec::<String>::new()
        );
        let p = problems(&army("to = \"2025-01-29\"\nsuccessor = \"newer\""));
        assert!(
            p[0].contains("t.toml:5: error: successor 'newer' is not the id"),
            "{p:?}"
        );
        let p = problems(&army("successor = \"new\""));
        assert!(p[0].contains("has a successor but no end"), "{p:?}");
        let p = problems(&army("to = \"2025\"\nsuccessor = \"iran\""));
        assert!(p[0].contains("is a place"), "{p:?}");
        let p = problems(&army("to = \"2025\"\nsuccessor = \"old\""));
        assert!(p[0].contains("its own successor"), "{p:?}");
    }
}
