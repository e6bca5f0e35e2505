//! Common and generic words: names that bulk lists carry (towns called "Of"
//! or "March", companies called "Corp" or "General") but that text uses as
//! ordinary words, or as parts of longer names.

use std::sync::LazyLock;

/// True when a normalized single word (`"march"`) is a common English word.
pub fn is_common_word(word: &str) -> bool {
    COMMON_WORDS.binary_search(&word).is_ok()
}

/// True when a normalized single word (`"corp"`, `"general"`, `"canadian"`)
/// names nobody on its own: a company designator, a word of company names,
/// an adjective, a nationality word, a given name, or a word of news copy
/// (`generic-words.txt` lists them by kind). Common words are generic too.
pub fn is_generic_word(word: &str) -> bool {
    is_common_word(word)
        || is_company_designator(word)
        || GENERIC_WORDS.binary_search(&word).is_ok()
}

/// True when a normalized single word is a company designator (`"corp"`,
/// `"plc"`, `"ag"`): generic even where it is written in capitals as an
/// acronym ("Barclays PLC", "Siemens AG").
pub fn is_company_designator(word: &str) -> bool {
    COMPANY_DESIGNATORS.binary_search(&word).is_ok()
}

/// Sorted, lower case: the legal forms companies add to their names.
static COMPANY_DESIGNATORS: &[&str] = &[
    "ab", "ag", "asa", "bhd", "bros", "bv", "cia", "cie", "co", "corp", "cos", "gmbh", "inc", "kg",
    "kk", "llc", "llp", "lp", "ltd", "nl", "nv", "oy", "plc", "pte", "pty", "sa", "sab", "sae",
    "sarl", "sas", "se", "spa", "srl",
];

/// True when a normalized single word names a people or a community
/// ("kurdish", "druze", "sunni"): a name may start with one, but does not
/// end with one.
pub fn is_demonym_word(word: &str) -> bool {
    DEMONYM_WORDS.binary_search(&word).is_ok()
}

/// The words of `generic-words.txt`, sorted.
static GENERIC_WORDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| words_of(None));

/// The words of its `@demonyms` section, sorted.
static DEMONYM_WORDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| words_of(Some("@demonyms")));

/// The words of `generic-words.txt`, or of one of its sections (from a line
/// `@name` to the next line starting with `@`), sorted.
fn words_of(section: Option<&str>) -> Vec<&'static str> {
    let mut inside = section.is_none();
    let mut words: Vec<&'static str> = Vec::new();
    for line in include_str!("generic-words.txt").lines() {
        if let Some(marker) = line.strip_prefix('@') {
            inside = section.is_none_or(|s| s[1..] == *marker);
            continue;
        }
        if inside && !line.starts_with('#') {
            words.extend(line.split_whitespace());
        }
    }
    words.sort_unstable();
    words
}

/// Sorted, lower-case. The most frequent English words, months and weekdays, and
/// the short words that all-capitals acronyms collide with.
static COMMON_WORDS: &[&str] = &[
    "a",
    "about",
    "above",
    "across",
    "act",
    "after",
    "again",
    "against",
    "age",
    "ago",
    "aid",
    "air",
    "all",
    "also",
    "am",
    "among",
    "an",
    "and",
    "any",
    "april",
    "are",
    "area",
    "arm",
    "army",
    "art",
    "as",
    "ask",
    "at",
    "august",
    "away",
    "back",
    "bad",
    "bank",
    "base",
    "bay",
    "be",
    "been",
    "before",
    "being",
    "best",
    "big",
    "bill",
    "black",
    "board",
    "body",
    "book",
    "both",
    "box",
    "boy",
    "but",
    "buy",
    "by",
    "call",
    "came",
    "camp",
    "can",
    "capital",
    "car",
    "care",
    "case",
    "cause",
    "center",
    "central",
    "change",
    "city",
    "close",
    "coast",
    "cold",
    "come",
    "could",
    "council",
    "country",
    "court",
    "cut",
    "day",
    "deal",
    "december",
    "did",
    "do",
    "does",
    "done",
    "down",
    "each",
    "early",
    "east",
    "end",
    "even",
    "ever",
    "every",
    "eye",
    "fact",
    "fall",
    "far",
    "february",
    "few",
    "field",
    "fire",
    "first",
    "five",
    "for",
    "force",
    "forces",
    "four",
    "free",
    "friday",
    "from",
    "front",
    "full",
    "gas",
    "get",
    "give",
    "go",
    "god",
    "going",
    "gold",
    "good",
    "got",
    "great",
    "green",
    "group",
    "had",
    "half",
    "hand",
    "has",
    "have",
    "he",
    "head",
    "her",
    "here",
    "high",
    "him",
    "his",
    "hope",
    "hot",
    "house",
    "how",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "january",
    "job",
    "july",
    "june",
    "just",
    "key",
    "kind",
    "king",
    "know",
    "land",
    "last",
    "late",
    "law",
    "lead",
    "least",
    "left",
    "less",
    "let",
    "life",
    "light",
    "like",
    "line",
    "little",
    "long",
    "made",
    "main",
    "make",
    "man",
    "many",
    "march",
    "may",
    "me",
    "mean",
    "men",
    "might",
    "mile",
    "monday",
    "more",
    "most",
    "much",
    "must",
    "my",
    "name",
    "near",
    "new",
    "news",
    "next",
    "nice",
    "no",
    "none",
    "nor",
    "north",
    "not",
    "november",
    "now",
    "october",
    "of",
    "off",
    "office",
    "oil",
    "old",
    "on",
    "once",
    "one",
    "only",
    "open",
    "or",
    "order",
    "other",
    "our",
    "out",
    "over",
    "own",
    "park",
    "part",
    "party",
    "past",
    "peace",
    "people",
    "place",
    "plan",
    "point",
    "police",
    "post",
    "power",
    "price",
    "rain",
    "range",
    "rate",
    "read",
    "real",
    "red",
    "rest",
    "right",
    "river",
    "road",
    "rock",
    "round",
    "rule",
    "run",
    "said",
    "same",
    "saturday",
    "say",
    "sea",
    "see",
    "sell",
    "send",
    "september",
    "set",
    "she",
    "side",
    "six",
    "so",
    "some",
    "south",
    "spring",
    "start",
    "state",
    "still",
    "stock",
    "stop",
    "sunday",
    "sure",
    "take",
    "tax",
    "ten",
    "than",
    "that",
    "the",
    "their",
    "them",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "three",
    "through",
    "thursday",
    "time",
    "to",
    "today",
    "too",
    "top",
    "town",
    "trade",
    "tuesday",
    "two",
    "under",
    "union",
    "until",
    "up",
    "upon",
    "us",
    "use",
    "very",
    "via",
    "war",
    "was",
    "water",
    "way",
    "we",
    "wednesday",
    "week",
    "well",
    "were",
    "west",
    "what",
    "when",
    "where",
    "which",
    "while",
    "white",
    "who",
    "why",
    "will",
    "with",
    "word",
    "work",
    "world",
    "would",
    "year",
    "yes",
    "yet",
    "you",
    "young",
    "your",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generic_words_are_normalized_unique_and_not_common_words() {
        assert!(COMPANY_DESIGNATORS.windows(2).all(|w| w[0] < w[1]));
        let mut seen = std::collections::BTreeSet::new();
        for &word in GENERIC_WORDS.iter().chain(COMPANY_DESIGNATORS) {
            assert_eq!(
                crate::normalize::normalize(word).as_str(),
                format!(" {word} ")
            );
            assert!(seen.insert(word), "{word} is listed twice");
            assert!(!is_common_word(word), "{word} is a common word already");
        }
        let table = [
            ("corp", true),
            ("ltd", true),
            ("general", true),
            ("canadian", true),
            ("john", true),
            ("march", true),
            ("japan", false),
            ("reagan", false),
            ("jordan", false),
            ("turkey", false),
        ];
        for (word, want) in table {
            assert_eq!(is_generic_word(word), want, "{word}");
        }
        assert!(is_demonym_word("druze") && is_demonym_word("canadian"));
        assert!(!is_demonym_word("corp") && !is_demonym_word("john"));
        assert!(DEMONYM_WORDS.iter().all(|w| GENERIC_WORDS.contains(w)));
    }

    #[test]
    fn list_is_sorted_so_binary_search_works() {
        assert!(COMMON_WORDS.windows(2).all(|w| w[0] < w[1]));
        assert!(is_common_word("is"));
        assert!(is_common_word("march"));
        assert!(!is_common_word("hama"));
    }
}
