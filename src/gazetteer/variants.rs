//! Spelling variants of Arabic-derived names, generated so that a curator writes
//! a name once. The rules are listed in `gazetteer/README.md`.

/// At most this many variants per name.
pub const MAX_VARIANTS: usize = 128;

/// Words that the press spells several ways; each list is one class, every form
/// a sequence of normalized words.
static CLASSES: &[&[&[&str]]] = &[
    &[
        &["mohammed"],
        &["muhammad"],
        &["mohammad"],
        &["muhammed"],
        &["mohamed"],
        &["mohamad"],
    ],
    &[&["abu"], &["abou"]],
    &[&["abdul"], &["abd", "al"], &["abdel"], &["abd", "el"]],
    &[&["ahmed"], &["ahmad"]],
    &[&["hussein"], &["husain"], &["hussain"], &["husayn"]],
    &[&["hassan"], &["hasan"]],
    &[&["qasim"], &["qassim"], &["kassem"], &["qassem"]],
    &[&["khaled"], &["khalid"]],
    &[&["mahmoud"], &["mahmud"]],
    &[&["mustafa"], &["mostafa"], &["mustapha"]],
    &[&["yusuf"], &["youssef"], &["yousef"]],
    &[&["omar"], &["umar"]],
    &[&["osama"], &["usama"]],
    &[&["abdullah"], &["abdallah"], &["abdulla"]],
    &[&["jolani"], &["julani"], &["golani"]],
    &[&["sheikh"], &["shaikh"]],
];

/// Articles that assimilate to the next consonant (ad-Din, ash-Sham); read also as `al`.
static SUN_ARTICLES: &[&str] = &["ad", "an", "ar", "as", "ash", "at", "az"];

/// The variants of a normalized name (`" ahmed al sharaa "`), normalized the same
/// way, without the name itself, in a stable order.
///
/// ```
/// use actorgraph::gazetteer::variants;
/// let v = variants(" abu mohammad al jolani ");
/// assert!(v.contains(&" abou muhammad jolani ".to_string()));
/// assert!(v.contains(&" abu mohammed el golani ".to_string()));
/// ```
pub fn variants(normalized: &str) -> Vec<String> {
    let words: Vec<&str> = normalized.split_whitespace().collect();
    let mut slots: Vec<Vec<Vec<&str>>> = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let (forms, used) = alternatives(&words, i);
        slots.push(forms);
        i += used;
    }
    let mut out: Vec<String> = vec![String::from(" ")];
    for slot in &slots {
        let mut next = Vec::new();
        for prefix in &out {
            for form in slot {
                if next.len() > MAX_VARIANTS {
                    break;
                }
                let mut s = prefix.clone();
                for w in form {
                    s.push_str(w);
                    s.push(' ');
                }
                next.push(s);
            }
        }
        out = next;
    }
    let mut seen = rustc_hash::FxHashSet::default();
    out.into_iter()
        .filter(|v| v != normalized && v.trim() != "" && seen.insert(v.clone()))
        .take(MAX_VARIANTS)
        .collect()
}

/// What every variant of a name has in common: its normalized words with the
/// articles (`al`, `el`, `ad`, `ash`, …) dropped and each spelling of a word
/// class written one way. Two names with one skeleton are spellings of each
/// other by the rules above, whichever way round the rules go ("Falih
/// Fayyadh" and "Falih al-Fayyadh"). A name of one word keeps it.
///
/// ```
/// use actorgraph::gazetteer::skeleton;
/// assert_eq!(skeleton(" abou muhammad el julani "), skeleton(" abu mohammed jolani "));
/// assert_eq!(skeleton(" al qaeda "), " qaeda ");
/// assert_eq!(skeleton(" al "), " al ");
/// ```
pub fn skeleton(normalized: &str) -> String {
    let words: Vec<&str> = normalized.split_whitespace().collect();
    let mut out = String::from(" ");
    let mut i = 0;
    while i < words.len() {
        let class = CLASSES.iter().find_map(|class| {
            class
                .iter()
                .find(|f| words[i..].starts_with(f))
                .map(|f| (class[0], f.len()))
        });
        let (forms, used): (&[&str], usize) = match class {
            Some((canonical, used)) => (canonical, used),
            None if words.len() > 1 && is_article(words[i]) => (&[], 1),
            None => (&words[i..=i], 1),
        };
        for w in forms {
            out.push_str(w);
            out.push(' ');
        }
        i += used;
    }
    out
}

fn is_article(word: &str) -> bool {
    word == "al" || word == "el" || SUN_ARTICLES.contains(&word)
}

/// The forms the words at `i` may take, and how many words they cover.
fn alternatives<'a>(words: &[&'a str], i: usize) -> (Vec<Vec<&'a str>>, usize) {
    for class in CLASSES {
        for form in *class {
            if words[i..].starts_with(form) {
                let forms = class.iter().map(|f| f.to_vec()).collect();
                return (forms, form.len());
            }
        }
    }
    let word = words[i];
    // "Abdulaziz" is also written "Abdul Aziz", "Abdel Aziz", "Abd al-Aziz".
    if let Some(rest) = word
        .strip_prefix("abdul")
        .or_else(|| word.strip_prefix("abdel"))
        .filter(|rest| rest.len() >= 3 && !rest.starts_with("la") && !rest.starts_with('l'))
    {
        return (
            vec![
                vec![word],
                vec!["abdul", rest],
                vec!["abdel", rest],
                vec!["abd", "al", rest],
            ],
            1,
        );
    }
    let inner = i > 0 && i + 1 < words.len();
    if inner && (word == "al" || word == "el") {
        return (
            vec![
                vec![word],
                vec![if word == "al" { "el" } else { "al" }],
                vec![],
            ],
            1,
        );
    }
    if inner && SUN_ARTICLES.contains(&word) {
        return (vec![vec![word], vec!["al"]], 1);
    }
    (vec![vec![word]], 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn has(name: &str, variant: &str) -> bool {
        variants(name).iter().any(|v| v == variant)
    }

    #[test]
    fn rules_table() {
        let table = [
            (" ahmed al sharaa ", " ahmed el sharaa ", true),
            (" ahmed al sharaa ", " ahmed sharaa ", true),
            (" ahmed al sharaa ", " ahmad al sharaa ", true),
            (" abu mohammad al jolani ", " abu muhammad al julani ", true),
            (" abu mohammad al jolani ", " abou mohamed golani ", true),
            (
                " abdul latif jamal rashid ",
                " abd al latif jamal rashid ",
                true,
            ),
            (
                " abdul latif jamal rashid ",
                " abdel latif jamal rashid ",
                true,
            ),
            (" abd al latif ", " abdul latif ", true),
            (" nour ad din ", " nour al din ", true),
            (" qasim al araji ", " qassim al araji ", true),
            // One word or two: "Abdulaziz", "Abdul Aziz".
            (
                " abdullah bin abdulaziz ",
                " abdullah bin abdul aziz ",
                true,
            ),
            (
                " abdullah bin abdulaziz ",
                " abdullah bin abd al aziz ",
                true,
            ),
            (" adel abdulmahdi ", " adel abdel mahdi ", true),
            // Reuters' 1987 spellings: "Saad al-Abdulla", "Youssri Mustapha".
            (
                " saad al abdullah al sabah ",
                " saad al abdulla al sabah ",
                true,
            ),
            (" youssri mustafa ", " youssri mustapha ", true),
            // An article at the start stays: al-Qaeda is not Qaeda.
            (" al qaeda ", " qaeda ", false),
            (" al sudani ", " sudani ", false),
            // An article at the end is not an article.
            (" wadi al ", " wadi ", false),
        ];
        for (name, variant, want) in table {
            assert_eq!(has(name, variant), want, "{name} -> {variant}");
        }
    }

    #[test]
    fn every_variant_has_the_name_s_skeleton() {
        for name in [
            " ahmed al sharaa ",
            " abu mohammad al jolani ",
            " abdul latif jamal rashid ",
            " nour ad din ",
        ] {
            let want = skeleton(name);
            for v in variants(name) {
                assert_eq!(skeleton(&v), want, "{v} of {name}");
            }
        }
        assert_ne!(skeleton(" ahmed al sharaa "), skeleton(" ahmed al shara "));
    }

    #[test]
    fn never_returns_the_name_itself_and_stays_bounded() {
        let name = " mohammed mohammed mohammed mohammed al hussein ";
        let v = variants(name);
        assert!(!v.iter().any(|x| x == name));
        assert!(v.len() <= MAX_VARIANTS);
        assert!(variants(" iraq ").is_empty());
    }
}
