//! Reads `titles.toml`: the titles that name one office ("Foreign Minister",
//! "top diplomat"), and the words that qualify a title, say it names someone
//! else, honour a name, head a state or follow a leader's name.

use serde::Deserialize;
use toml::Spanned;

use super::{Problem, Severity, name_fault};
use crate::error::{Error, LineIndex, Location, line_column};
use crate::normalize::normalize;

/// The file name that holds title words in a gazetteer directory.
pub const TITLES_FILE: &str = "titles.toml";

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    #[serde(default)]
    qualifiers: Vec<Spanned<String>>,
    #[serde(default)]
    not_the_holder: Vec<Spanned<String>>,
    #[serde(default)]
    honorifics: Vec<Spanned<String>>,
    #[serde(default)]
    heads: Vec<Spanned<String>>,
    #[serde(default)]
    followers: Vec<Spanned<String>>,
    #[serde(default)]
    title: Vec<Spanned<RawTitle>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTitle {
    titles: Vec<Spanned<String>>,
}

/// A title as a file writes it, normalized, with where it is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TitleWord {
    /// As written.
    pub text: String,
    /// Normalized and trimmed: `"top diplomat"`.
    pub key: String,
    /// Where.
    pub location: Location,
}

/// Everything the title files say, merged in load order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TitleWords {
    /// Groups of titles that name one office each.
    pub offices: Vec<Vec<TitleWord>>,
    /// Words that may stand between a place and a title ("interim").
    pub qualifiers: Vec<TitleWord>,
    /// Words that make a title name someone else ("former", "then").
    pub not_the_holder: Vec<TitleWord>,
    /// Words that may stand before a surname ("Sheikh", "President").
    pub honorifics: Vec<TitleWord>,
    /// Titles of the offices that head a state or its government.
    pub heads: Vec<TitleWord>,
    /// Words after a leader's name that mention what the leader leads.
    pub followers: Vec<TitleWord>,
}

/// The title file bundled with the gazetteer.
pub(crate) const BUILTIN: &str = include_str!("../../gazetteer/titles.toml");

/// Reads one title file into `words`. A syntax error stops the load with its
/// line; a word that cannot be matched is a problem, and is left out.
pub(super) fn add_titles(
    words: &mut TitleWords,
    file: &str,
    text: &str,
    problems: &mut Vec<Problem>,
) -> crate::Result<()> {
    let raw: RawFile = toml::from_str(text).map_err(|e| {
        let (line, column) = e.span().map_or((0, 0), |s| line_column(text, s.start));
        Error::parse(
            Location {
                file: file.to_string(),
                line,
                column,
            },
            e.message().trim_end().to_string(),
        )
    })?;
    let index = LineIndex::new(text);
    let mut read = |list: Vec<Spanned<String>>, one_word: bool| -> Vec<TitleWord> {
        let mut out = Vec::new();
        for s in list {
            let location = Location::line(file, index.line(s.span().start));
            let text = s.into_inner();
            let key = normalize(&text).as_str().trim().to_string();
            let fault = name_fault(&text).or_else(|| {
                (one_word && key.contains(' '))
                    .then(|| format!("{text:?} is more than one word; this list holds words"))
            });
            if let Some(message) = fault {
                problems.push(Problem {
                    location,
                    severity: Severity::Error,
                    message,
                });
                continue;
            }
            out.push(TitleWord {
                text,
                key,
                location,
            });
        }
        out
    };
    words.qualifiers.extend(read(raw.qualifiers, true));
    words.not_the_holder.extend(read(raw.not_the_holder, true));
    words.honorifics.extend(read(raw.honorifics, true));
    words.heads.extend(read(raw.heads, false));
    words.followers.extend(read(raw.followers, true));
    for office in raw.title {
        let titles = read(office.into_inner().titles, false);
        if !titles.is_empty() {
            words.offices.push(titles);
        }
    }
    Ok(())
}

/// Problems of meaning once every title file is read: a title given to two
/// offices, a qualifier or blocker that is also a title's first word.
pub(super) fn check(words: &TitleWords) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut seen: rustc_hash::FxHashMap<&str, (usize, &Location)> = Default::default();
    for (i, office) in words.offices.iter().enumerate() {
        for title in office {
            match seen.get(title.key.as_str()) {
                Some(&(j, _)) if j == i => {}
                Some(&(_, first)) => problems.push(Problem {
                    location: title.location.clone(),
                    severity: Severity::Error,
                    message: format!(
                        "title {:?} already names another office ({first}); a title names one office",
                        title.text
                    ),
                }),
                None => {
                    seen.insert(&title.key, (i, &title.location));
                }
            }
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> (TitleWords, Vec<String>) {
        let mut words = TitleWords::default();
        let mut problems = Vec::new();
        add_titles(&mut words, "titles.toml", text, &mut problems).unwrap();
        problems.extend(check(&words));
        (words, problems.iter().map(ToString::to_string).collect())
    }

    #[test]
    fn the_bundled_file_reads_without_problems() {
        let (words, problems) = read(BUILTIN);
        assert_eq!(problems, Vec::<String>::new());
        assert!(words.offices.len() > 10);
        let fm = words
            .offices
            .iter()
            .find(|o| o.iter().any(|t| t.key == "top diplomat"))
            .unwrap();
        assert!(fm.iter().any(|t| t.key == "foreign minister"));
        assert!(words.qualifiers.iter().any(|q| q.key == "interim"));
    }

    #[test]
    fn bad_words_are_reported_with_their_lines() {
        let table = [
            (
                "qualifiers = [\"interim\", \"de facto\"]\n",
                "titles.toml:1: error: \"de facto\" is more than one word",
            ),
            (
                "[[title]]\ntitles = [\"...\"]\n",
                "titles.toml:2: error: name \"...\" has no letter or digit",
            ),
            (
                "[[title]]\ntitles = [\"Premier\"]\n[[title]]\ntitles = [\"Prime Minister\",\n \"premier\"]\n",
                "titles.toml:5: error: title \"premier\" already names another office (titles.toml:2)",
            ),
        ];
        for (text, want) in table {
            let (_, problems) = read(text);
            assert!(
                problems.iter().any(|p| p.starts_with(want)),
                "want {want:?} in {problems:?}"
            );
        }
    }

    #[test]
    fn syntax_errors_stop_the_load_with_a_line() {
        let mut words = TitleWords::default();
        let err = add_titles(
            &mut words,
            "titles.toml",
            "qualifiers = [\"a\"]\n[[title]]\nnames = []\n",
            &mut Vec::new(),
        )
        .unwrap_err()
        .to_string();
        assert!(err.starts_with("titles.toml:3"), "{err}");
    }
}
