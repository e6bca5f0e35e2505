//! The English function words relation matching reads clauses by: which
//! words are prepositions, auxiliaries, negations, reporting verbs and clause
//! openers. These are the language, not the conflict: a user adapting
//! actorgraph adds triggers to `relations.toml`, not words here.

use std::sync::LazyLock;

use rustc_hash::FxHashMap;

/// What a word does in a clause, as far as relation matching cares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WordClass {
    /// in, on, of, with, by, …: the noun phrase after it is not a subject or
    /// a direct object.
    Preposition,
    /// the, a, its, …: starts or continues a noun phrase.
    Determiner,
    /// is, was, has, will, …: may stand between a subject and its verb.
    Auxiliary,
    /// not, never, …: the relation is denied.
    Negation,
    /// said, warned, according, …: what follows is reported speech.
    Reporting,
    /// which, who, whose: opens a relative clause.
    Relative,
    /// but, while, because, …: opens another clause.
    Conjunction,
    /// and, or: joins actors or clauses.
    Coordinator,
    /// Any other word.
    Other,
}

/// The class of a normalized word.
pub fn class(word: &str) -> WordClass {
    entry(word).class
}

/// What the lexicon knows of one word: its class and the lists it is on.
#[derive(Debug, Clone, Copy)]
struct Entry {
    class: WordClass,
    modifier: bool,
    filler: bool,
    state_noun: bool,
}

const OTHER: Entry = Entry {
    class: WordClass::Other,
    modifier: false,
    filler: false,
    state_noun: false,
};

/// The lists of closed-class words and their class; the first list that
/// holds a word gives its class, as the order of the tests in a chain of
/// `if`s would.
const CLASS_LISTS: [(&[&str], WordClass); 8] = [
    (PREPOSITIONS, WordClass::Preposition),
    (DETERMINERS, WordClass::Determiner),
    (AUXILIARIES, WordClass::Auxiliary),
    (NEGATIONS, WordClass::Negation),
    (REPORTING, WordClass::Reporting),
    (&["which", "who", "whose", "whom"], WordClass::Relative),
    (CONJUNCTIONS, WordClass::Conjunction),
    (&["and", "or", "&"], WordClass::Coordinator),
];

/// Every word of the lists above, looked up once per call by hash: relation
/// matching asks for the class of each word of a sentence several times,
/// and a search of every list took a sixth of its time.
static ENTRIES: LazyLock<FxHashMap<&'static str, Entry>> = LazyLock::new(|| {
    let mut table: FxHashMap<&'static str, Entry> = FxHashMap::default();
    for (words, class) in CLASS_LISTS {
        for &word in words {
            table.entry(word).or_insert(Entry { class, ..OTHER });
        }
    }
    for &word in MODIFIERS {
        table.entry(word).or_insert(OTHER).modifier = true;
    }
    for &word in FILLERS {
        table.entry(word).or_insert(OTHER).filler = true;
    }
    for &word in STATE_NOUNS {
        table.entry(word).or_insert(OTHER).state_noun = true;
    }
    table
});

fn entry(word: &str) -> Entry {
    ENTRIES.get(word).copied().unwrap_or(OTHER)
}

/// True for the forms of "be" that make a passive ("was attacked by").
pub fn is_be(word: &str) -> bool {
    matches!(
        word,
        "is" | "are" | "was" | "were" | "be" | "been" | "being" | "got" | "get" | "gets"
    )
}

/// True for punctuation that ends a clause.
pub fn ends_clause(word: &str) -> bool {
    matches!(
        word,
        ";" | ":" | "." | "?" | "!" | "\"" | "“" | "”" | "(" | ")" | "--" | "—" | "–"
    )
}

/// The words of trade that are goods and dealings in them, not trade
/// policy: tariffs, quotas and dumping are what a trade row opposes.
pub fn is_goods(w: &str) -> bool {
    is_commerce(w)
        && !matches!(
            w,
            "tariffs" | "quotas" | "dumping" | "prices" | "goods" | "products"
        )
}

/// What a blow to an economy hits ("would mainly hit West German farmers",
/// "hit Japanese exporters' profits"): "hit" there is no force.
pub fn is_economic_victim(w: &str) -> bool {
    matches!(
        w,
        "farmers"
            | "consumers"
            | "economy"
            | "economies"
            | "industry"
            | "industries"
            | "markets"
            | "prices"
            | "earnings"
            | "profits"
            | "growth"
            | "currency"
            | "shares"
            | "stocks"
            | "exporters"
            | "producers"
            | "taxpayers"
    )
}

/// Nouns of one unnamed person who is no office of a state or body: "a
/// committee aide told Reuters", "a Western analyst said".
pub fn is_person_noun(w: &str) -> bool {
    matches!(
        w,
        "aide"
            | "analyst"
            | "witness"
            | "resident"
            | "expert"
            | "economist"
            | "trader"
            | "dealer"
            | "banker"
            | "observer"
            | "journalist"
            | "correspondent"
            | "lawyer"
            | "professor"
            | "executive"
            | "businessman"
            | "researcher"
            | "activist"
    )
}

/// Words of trade ("the U.S. supplied 41 pct of Soviet grain imports",
/// "rejected offers of Malaysian palm oil", "banned two brands of Austrian
/// powdered milk"): buying and selling goods is neither support nor
/// opposition of the seller.
pub fn is_commerce(w: &str) -> bool {
    matches!(
        w,
        "imports"
            | "import"
            | "exports"
            | "export"
            | "exporters"
            | "importers"
            | "grain"
            | "grains"
            | "wheat"
            | "corn"
            | "maize"
            | "rice"
            | "sugar"
            | "coffee"
            | "cocoa"
            | "cotton"
            | "palm"
            | "milk"
            | "beef"
            | "soybeans"
            | "tonnes"
            | "tons"
            | "pct"
            | "percent"
            | "tender"
            | "tenders"
            | "offers"
            | "brands"
            | "goods"
            | "products"
            | "produce"
            | "airliner"
            | "prices"
            | "tariffs"
            | "quotas"
            | "dumping"
            | "interest"
            | "rates"
    )
}

/// Nouns of ideas and decisions, which words attack, not force.
pub fn is_idea(w: &str) -> bool {
    matches!(
        w,
        "policy"
            | "policies"
            | "plan"
            | "plans"
            | "proposal"
            | "proposals"
            | "decision"
            | "remarks"
            | "statement"
            | "stance"
            | "position"
            | "record"
            | "handling"
            | "budget"
            | "programme"
            | "program"
            | "comments"
            | "rhetoric"
            | "claims"
            | "demands"
            | "attempt"
            | "attempts"
            | "bid"
            | "initiative"
            | "ruling"
            | "rules"
            | "forecast"
            | "forecasts"
            | "estimates"
            | "exemption"
            | "suspension"
            | "course"
            | "raising"
            | "effort"
            | "efforts"
            | "bill"
            | "motion"
            | "amendment"
            | "legislation"
    )
}

/// Verbs whose particle "back" makes another verb ("push back", "cut back",
/// "came back"): after them "back" does not mean support.
pub fn takes_back(word: &str) -> bool {
    const STEMS: &[&str] = &[
        "push", "cut", "scale", "roll", "fight", "fought", "hit", "strike", "struck", "pull",
        "come", "came", "bring", "brought", "turn", "get", "got", "go", "went", "gone", "set",
        "hold", "held", "fall", "fell", "beat", "drive", "drove", "force", "send", "sent", "win",
        "won", "give", "gave", "pay", "paid", "step", "look", "write", "wrote", "call", "hand",
        "claw", "bounce", "flow", "move", "report", "fire", "shoot", "shot", "kick", "sit", "sat",
        "stand", "stood", "head", "hang", "hung", "answer", "talk", "trace", "date", "bite", "bit",
        "put", "take", "took", "taken", "buy", "bought", "sell", "sold", "track", "flip",
    ];
    STEMS.iter().any(|&stem| {
        word.strip_prefix(stem).is_some_and(|rest| {
            matches!(rest, "" | "s" | "ed" | "ing" | "d" | "en" | "es")
                // "cutting", "setting", "hitting", "putting".
                || rest.len() == 4 && rest.ends_with("ing") && stem.ends_with(&rest[..1])
        })
    })
}

/// Words that deny the relation a trigger right after them states ("denied
/// attacking", "refused to meet", "did not meet").
pub fn denies(word: &str) -> bool {
    class(word) == WordClass::Negation
        || matches!(
            word,
            "denied"
                | "denies"
                | "deny"
                | "refused"
                | "refuses"
                | "refuse"
                | "declined"
                | "declines"
                | "failed"
                | "fails"
                | "failing"
                | "ruled"
                | "rejected"
                | "cancelled"
                | "canceled"
                | "postponed"
                | "avoid"
                | "avoided"
                | "unable"
                | "capable"
                | "lift"
                | "lifted"
                | "lifting"
                | "lifts"
                | "eased"
                | "ease"
                | "instead"
                | "whether"
                | "if"
                | "unless"
        )
}

/// Words that may stand between a subject and its verb, or a verb and its
/// object, without ending the clause: auxiliaries, adverbs, time words.
pub fn is_filler(word: &str) -> bool {
    let e = entry(word);
    matches!(e.class, WordClass::Auxiliary | WordClass::Determiner)
        || e.filler
        || word.chars().all(|c| c.is_ascii_digit())
}

/// Weapons that may be a verb's subject and stand for the one who fires
/// them: "Israeli fire killed" ("missiles" and "rockets" are state nouns).
pub fn is_weapon_noun(word: &str) -> bool {
    matches!(word, "shells" | "barrage" | "fire")
}

/// The days of the week, which "on" introduces as a date, not a target.
pub fn is_weekday(word: &str) -> bool {
    matches!(
        word,
        "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday"
    )
}

/// Words that may stand in a noun phrase before its actor: titles, ranks,
/// adjectives of office, and the like ("the new interim Syrian president").
pub fn is_modifier(word: &str) -> bool {
    let e = entry(word);
    e.class == WordClass::Determiner || e.modifier || word.chars().all(|c| c.is_ascii_digit())
}

/// Nouns that a group's name may stand before: "the Asaib Ahl al-Haq
/// movement of Qais al-Khazali".
pub fn is_group_noun(word: &str) -> bool {
    matches!(
        word,
        "movement" | "party" | "group" | "militia" | "faction" | "bloc" | "coalition" | "alliance"
    )
}

/// Nouns after a demonym that make it stand for its state as an actor
/// ("Iraqi warplanes attacked", "Turkish troops", "the Iranian government").
pub fn is_state_noun(word: &str) -> bool {
    entry(word).state_noun
}

/// A word before "to" that makes the act after it intended, not done:
/// `Some(true)` for a threat, which opposes ("threatened to attack",
/// "vowed to strike"), `Some(false)` for a plan or wish, which states
/// nothing ("plans to attack", "ready to strike").
pub fn intent(word: &str) -> Option<bool> {
    match word {
        "threatened" | "threatens" | "threaten" | "threatening" | "vowed" | "vows" | "vow"
        | "vowing" | "pledged" | "pledges" | "swore" | "warned" => Some(true),
        "plans" | "planned" | "planning" | "plan" | "intends" | "intended" | "intend" | "wants"
        | "wanted" | "want" | "ready" | "prepared" | "preparing" | "seeks" | "sought"
        | "seeking" | "aims" | "aimed" | "hopes" | "hoped" | "willing" | "able" | "decided"
        | "would" | "could" | "might" | "may" | "refrain" => Some(false),
        _ => None,
    }
}

/// Words of proposal before a meeting noun, which then states no meeting
/// ("offers talks with", "called for a meeting with").
pub fn proposes(word: &str) -> bool {
    matches!(
        word,
        "offer"
            | "offers"
            | "offered"
            | "proposed"
            | "proposes"
            | "propose"
            | "proposal"
            | "sought"
            | "seeks"
            | "seek"
            | "seeking"
            | "urged"
            | "urges"
            | "called"
            | "calls"
            | "call"
            | "invitation"
    )
}

/// Nouns that name one actor by its relation to another, so that a name
/// right after them is the actor meant: "Iran's war enemy Iraq".
/// A noun for those who fight their own state: "the Nicaraguan rebels",
/// "Iranian dissidents" are not Nicaragua or Iran.
pub fn is_insurgent_noun(word: &str) -> bool {
    matches!(
        word,
        "rebels"
            | "rebel"
            | "contras"
            | "insurgents"
            | "dissidents"
            | "opposition"
            | "exiles"
            | "separatists"
    )
}

/// A noun that names what kind of outlet the name after it is: "the
/// Kurdish broadcaster Rudaw", "the Saudi channel Al Arabiya", "the
/// official news agency IRNA". The name is the head of such a phrase.
pub fn is_outlet_noun(word: &str) -> bool {
    matches!(
        word,
        "broadcaster"
            | "channel"
            | "newspaper"
            | "daily"
            | "agency"
            | "network"
            | "website"
            | "outlet"
            | "station"
            | "weekly"
            | "magazine"
    )
}

/// A noun of force done by someone: "condemned the attack by Israel" is
/// said against its doer.
pub fn is_attack_noun(word: &str) -> bool {
    matches!(
        word,
        "attack"
            | "attacks"
            | "strike"
            | "strikes"
            | "airstrike"
            | "airstrikes"
            | "raid"
            | "raids"
            | "offensive"
            | "bombing"
            | "bombings"
            | "bombardment"
            | "shelling"
            | "assault"
            | "invasion"
            | "incursion"
            | "aggression"
            | "killing"
            | "killings"
            | "assassination"
            | "occupation"
            | "blockade"
            | "crackdown"
    )
}

pub fn is_relational_noun(word: &str) -> bool {
    matches!(
        word,
        "enemy"
            | "enemies"
            | "foe"
            | "archenemy"
            | "adversary"
            | "rival"
            | "ally"
            | "allies"
            | "neighbour"
            | "neighbor"
            | "partner"
    )
}

/// Verbs of taking by force, whose "from" phrase names the loser:
/// "captured Tabqah from the SDF".
pub fn is_taking(word: &str) -> bool {
    matches!(
        word,
        "captured"
            | "captures"
            | "capture"
            | "capturing"
            | "seized"
            | "seizes"
            | "seize"
            | "seizing"
            | "took"
            | "takes"
            | "take"
            | "retook"
            | "recaptured"
            | "wrested"
    )
}

/// Light verbs whose subject is the agent of the event noun after them
/// ("Israel carried out strikes on", "Iran launched an offensive against").
pub fn is_light_verb(word: &str) -> bool {
    matches!(
        word,
        "launched"
            | "launches"
            | "launch"
            | "carried"
            | "carries"
            | "carry"
            | "conducted"
            | "conducts"
            | "conduct"
            | "staged"
            | "stages"
            | "mounted"
            | "mounts"
            | "made"
            | "makes"
            | "held"
            | "holds"
            | "hold"
            | "began"
            | "begun"
            | "begins"
            | "started"
            | "starts"
            | "continued"
            | "continues"
            | "resumed"
            | "intensified"
            | "stepped"
            | "escalated"
            | "expanded"
            | "renewed"
            | "pursued"
            | "waged"
            | "wages"
            | "offered"
            | "offers"
            | "gave"
            | "gives"
            | "provided"
            | "provides"
            | "expressed"
            | "expresses"
            | "announced"
            | "pledged"
            | "achieved"
            | "scored"
            | "won"
            | "paid"
            | "pays"
            | "pay"
            | "make"
            | "stage"
            | "mount"
            | "begin"
            | "start"
            | "continue"
            | "resume"
            | "intensify"
            | "escalate"
            | "expand"
            | "renew"
            | "pursue"
            | "wage"
            | "waging"
            | "offer"
            | "give"
            | "provide"
            | "express"
            | "announce"
            | "announces"
            | "pledge"
            // "supplied weapons to", "imposed sanctions on".
            | "supplied"
            | "supplies"
            | "supply"
            | "supplying"
            | "sent"
            | "sends"
            | "send"
            | "delivered"
            | "delivers"
            | "deliver"
            | "shipped"
            | "imposed"
            | "imposes"
            | "impose"
            | "imposing"
            | "reimposed"
            | "reimpose"
            | "slapped"
            | "out"
            | "up"
    )
}

/// Words of an event noun's phrase between its owner and the noun ("the US
/// drone strike", "Israel's latest air strikes").
pub fn is_event_modifier(word: &str) -> bool {
    is_modifier(word)
        || matches!(
            word,
            "air"
                | "drone"
                | "missile"
                | "rocket"
                | "naval"
                | "ground"
                | "artillery"
                | "joint"
                | "fresh"
                | "direct"
                | "indirect"
                | "bilateral"
                | "latest"
                | "overnight"
                | "deadly"
                | "heavy"
                | "major"
                | "first"
                | "second"
                | "retaliatory"
                | "massive"
                | "renewed"
                | "big"
                | "surprise"
                | "suicide"
                | "car"
                | "bomb"
                | "terrorist"
                | "military"
                | "armed"
                | "nuclear"
                | "new"
                | "recent"
                | "further"
                | "repeated"
                | "alleged"
                | "failed"
                | "attempted"
                | "planned"
                | "brief"
                | "official"
                | "state"
                | "working"
                | "two-day"
                | "three-day"
                | "week-long"
                | "surprise-"
                | "unannounced"
                | "historic"
                // "its ongoing war with Hamas".
                | "ongoing"
                | "continuing"
                | "current"
                | "bloody"
                | "brutal"
                | "all-out"
                | "full-scale"
                | "protracted"
        )
}

/// Titles and ranks: before one of them a demonym qualifies a person
/// ("the Syrian leader"), it does not stand for the state.
pub fn is_title_word(word: &str) -> bool {
    matches!(
        word,
        "president"
            | "minister"
            | "leader"
            | "commander"
            | "chief"
            | "head"
            | "spokesman"
            | "spokeswoman"
            | "envoy"
            | "ambassador"
            | "king"
            | "emir"
            | "prince"
            | "premier"
            | "ruler"
            | "official"
            | "diplomat"
            | "counterpart"
            | "foreign"
            | "prime"
            | "defence"
            | "defense"
            | "interior"
            | "oil"
            | "secretary"
            | "speaker"
            | "general"
            | "negotiator"
            | "adviser"
            | "advisor"
            | "governor"
            | "mayor"
            | "monarch"
    )
}

/// Forms of address that stand between a title and a name ("President Sheikh
/// Zaid", "speaker Hojatoleslam Rafsanjani").
pub fn is_honorific(word: &str) -> bool {
    matches!(
        word,
        "sheikh"
            | "shaikh"
            | "hojatoleslam"
            | "ayatollah"
            | "sayyed"
            | "sayed"
            | "sayyid"
            | "seyed"
            | "mullah"
            | "imam"
            | "brigadier"
            | "brig"
            | "general"
            | "gen"
            | "lieutenant"
            | "lt"
            | "major"
            | "maj"
            | "colonel"
            | "col"
            | "admiral"
            | "adm"
            | "mr"
            | "mrs"
            | "ms"
            | "dr"
    )
}

/// True for a form that can be a past participle ("attacked", "struck"):
/// only such a form makes a passive with "by" ("soldiers captured by").
pub fn is_participle(word: &str) -> bool {
    word.ends_with("ed")
        || matches!(
            word,
            "struck"
                | "hit"
                | "shot"
                | "fought"
                | "held"
                | "led"
                | "overrun"
                | "sunk"
                | "sunken"
                | "taken"
                | "seen"
                | "met"
                | "run"
                | "beaten"
                | "brought"
                | "caught"
                | "driven"
                | "given"
                | "made"
                | "sent"
                | "shaken"
                | "slain"
                | "stolen"
                | "thrown"
                | "won"
                | "told"
                | "built"
                | "found"
                | "kept"
                | "left"
                | "lost"
                | "put"
                | "set"
                | "bought"
                | "spoken"
                | "written"
                | "ridden"
                | "chosen"
                | "fallen"
                | "known"
                | "torn"
        )
}

/// Verbs whose subject is the one an event noun after them was aimed at
/// ("Iraq repelled an Iranian attack", "Kuwait came under Iranian attack").
pub fn is_defence_verb(word: &str) -> bool {
    matches!(
        word,
        "repelled"
            | "repulsed"
            | "repels"
            | "repel"
            | "crushed"
            | "foiled"
            | "halted"
            | "checked"
            | "stopped"
            | "blocked"
            | "thwarted"
            | "beat"
            | "fended"
            | "withstood"
            | "resisted"
            | "defeated"
            | "broke"
            | "contained"
            | "under"
            | "suffered"
            | "faced"
            | "faces"
            | "survived"
    )
}

/// Place nouns between a demonym and "of PLACE" ("the Lebanese port town of
/// Sidon", "the Iraqi city of Mosul").
pub fn is_place_noun(word: &str) -> bool {
    matches!(
        word,
        "town"
            | "city"
            | "village"
            | "port"
            | "capital"
            | "province"
            | "governorate"
            | "region"
            | "district"
            | "area"
            | "border"
            | "island"
            | "oilfield"
            | "field"
            | "camp"
            | "crossing"
            | "base"
            | "airport"
            | "terminal"
            | "harbour"
            | "harbor"
            | "coast"
            | "enclave"
            | "stronghold"
            | "countryside"
            | "suburb"
            | "suburbs"
            | "neighbourhood"
            | "neighborhood"
            | "quarter"
    )
}

/// Directions that may stand between "in" and a place ("in northern Iraq").
pub fn is_direction(word: &str) -> bool {
    matches!(
        word,
        "north"
            | "south"
            | "east"
            | "west"
            | "northern"
            | "southern"
            | "eastern"
            | "western"
            | "central"
            | "northeastern"
            | "northwestern"
            | "southeastern"
            | "southwestern"
            | "northeast"
            | "northwest"
            | "southeast"
            | "southwest"
            | "upper"
            | "lower"
            | "rural"
            | "coastal"
            | "occupied"
    )
}

const PREPOSITIONS: &[&str] = &[
    "in",
    "at",
    "on",
    "of",
    "to",
    "from",
    "with",
    "by",
    "for",
    "against",
    "near",
    "into",
    "onto",
    "toward",
    "towards",
    "over",
    "under",
    "between",
    "among",
    "across",
    "through",
    "during",
    "after",
    "before",
    "until",
    "about",
    "around",
    "inside",
    "outside",
    "off",
    "via",
    "within",
    "without",
    "along",
    "beside",
    "behind",
    "beyond",
    "despite",
    "amid",
    "amidst",
    "including",
    "like",
    "than",
    "upon",
    "per",
    "versus",
    "vs",
    "alongside",
    "throughout",
    "regarding",
    "concerning",
    "following",
    "opposite",
];

const DETERMINERS: &[&str] = &[
    "the",
    "a",
    "an",
    "its",
    "his",
    "her",
    "their",
    "this",
    "these",
    "those",
    "our",
    "some",
    "several",
    "many",
    "all",
    "both",
    "each",
    "another",
    "other",
    "any",
    "such",
    "two",
    "three",
    "four",
    "five",
    "six",
    "ten",
    "dozens",
    "hundreds",
    "thousands",
    "one",
];

const AUXILIARIES: &[&str] = &[
    "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "will", "would",
    "shall", "should", "can", "could", "may", "might", "must", "did", "do", "does", "having",
    "got", "get", "gets",
];

const NEGATIONS: &[&str] = &[
    "not", "never", "no", "nor", "neither", "didnt", "doesnt", "dont", "wont", "cannot", "cant",
    "hasnt", "havent", "hadnt", "wasnt", "werent", "isnt", "arent", "wouldnt", "couldnt",
    "shouldnt", "nothing",
];

const REPORTING: &[&str] = &[
    "said",
    "says",
    "say",
    "saying",
    "added",
    "adds",
    "stated",
    "states",
    "announced",
    "announces",
    "reported",
    "reports",
    "claimed",
    "claims",
    "quoted",
    "quoting",
    "insisted",
    "insists",
    "noted",
    "notes",
    "stressed",
    "stresses",
    "argued",
    "argues",
    "explained",
    "confirmed",
    "confirms",
    "according",
    "believes",
    "believed",
    "alleged",
    "alleges",
    "asserted",
    "declared",
    "declares",
    "cited",
    "citing",
    "suggested",
    "suggests",
    "indicated",
    "estimated",
    "predicted",
    "expected",
    "feared",
    "fears",
    "hoped",
    "hopes",
    "thought",
    "thinks",
    "knew",
    "learned",
    "heard",
    "denied",
    "denies",
    "acknowledged",
    "admitted",
    "revealed",
    "disclosed",
    "wrote",
    "writes",
    "tweeted",
    "posted",
];

const CONJUNCTIONS: &[&str] = &[
    "but",
    "while",
    "whereas",
    "although",
    "though",
    "because",
    "since",
    "when",
    "where",
    "if",
    "unless",
    "so",
    "yet",
    "whether",
    "as",
    "once",
    "then",
    "however",
    "meanwhile",
    "thus",
    "hence",
    "therefore",
];

const FILLERS: &[&str] = &[
    "also",
    "generally",
    "usually",
    "largely",
    "mostly",
    "traditionally",
    "consistently",
    "strongly",
    "openly",
    "firmly",
    "reportedly",
    "then",
    "later",
    "again",
    "already",
    "still",
    "just",
    "recently",
    "allegedly",
    "previously",
    "first",
    "initially",
    "officially",
    "formally",
    "jointly",
    "separately",
    "personally",
    "briefly",
    "repeatedly",
    "directly",
    "publicly",
    "reportedly",
    "secretly",
    "twice",
    "once",
    "now",
    "today",
    "yesterday",
    "tonight",
    "earlier",
    "late",
    "early",
    "last",
    "next",
    "this",
    "on",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "morning",
    "afternoon",
    "evening",
    "night",
    "week",
    "weekend",
    "month",
    "year",
    "day",
    "days",
    "weeks",
    "months",
    "years",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "reportedly",
    "subsequently",
    "finally",
    "eventually",
    "quickly",
    "immediately",
    "heavily",
    "fiercely",
    "successfully",
    "apparently",
    "allegedly",
    "further",
    "even",
    "only",
    "ago",
    "ever",
    "soon",
    "shortly",
    "back",
    "together",
];

const MODIFIERS: &[&str] = &[
    "new",
    "former",
    "interim",
    "acting",
    "top",
    "senior",
    "deputy",
    "chief",
    "foreign",
    "prime",
    "defence",
    "defense",
    "oil",
    "interior",
    "state",
    "security",
    "military",
    "army",
    "president",
    "presidential",
    "minister",
    "ministers",
    "leader",
    "leaders",
    "commander",
    "commanders",
    "head",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "envoy",
    "ambassador",
    "official",
    "officials",
    "general",
    "gen",
    "lt",
    "col",
    "maj",
    "brig",
    "adm",
    "sheikh",
    "hojatoleslam",
    "sayyed",
    "sayed",
    "brigadier",
    "shaikh",
    "king",
    "emir",
    "prince",
    "crown",
    "sultan",
    "speaker",
    "secretary",
    "vice",
    "supreme",
    "grand",
    "ayatollah",
    "cleric",
    "mr",
    "mrs",
    "ms",
    "dr",
    "sen",
    "senator",
    "rep",
    "mp",
    "lawmaker",
    "governor",
    "mayor",
    "chairman",
    "chair",
    "director",
    "premier",
    "president-elect",
    "incumbent",
    "caretaker",
    "outgoing",
    "veteran",
    "powerful",
    "influential",
    "prominent",
    "militia",
    "rebel",
    "rebels",
    "opposition",
    "jihadist",
    "islamist",
    "kurdish",
    "shiite",
    "shia",
    "sunni",
    "druze",
    "alawite",
    "christian",
    "arab",
    "local",
    "regional",
    "national",
    "special",
    "lead",
    "main",
    "chief-of-staff",
    "staff",
    "counterpart",
    "founder",
    "negotiator",
    "adviser",
    "advisor",
    "aide",
    "deputies",
    "member",
    "members",
    "figure",
    "ally",
    "allies",
    "backed",
    "based",
    "linked",
    "affiliated",
    "aligned",
    "allied",
    "led",
    "controlled",
    "run",
    "armed",
    "forces",
    "force",
    "group",
    "movement",
    "party",
    "faction",
    "factions",
    "militias",
    "fighters",
    "de",
    "facto",
    "late",
    "then",
    "self-styled",
];

const STATE_NOUNS: &[&str] = &[
    "mediators",
    "representatives",
    "fighter",
    "bombers",
    "forces",
    "force",
    "troops",
    "army",
    "armies",
    "military",
    "militaries",
    "warplanes",
    "warplane",
    "jets",
    "jet",
    "planes",
    "plane",
    "aircraft",
    "helicopters",
    "helicopter",
    "drones",
    "drone",
    "navy",
    "naval",
    "gunboats",
    "gunboat",
    "boats",
    "boat",
    "frigates",
    "frigate",
    "destroyers",
    "destroyer",
    "submarines",
    "submarine",
    "airliner",
    "airliners",
    "warships",
    "warship",
    "ships",
    "ship",
    "vessels",
    "vessel",
    "artillery",
    "guns",
    "gunners",
    "soldiers",
    "soldier",
    "units",
    "unit",
    "divisions",
    "brigades",
    "battalions",
    "government",
    "governments",
    "authorities",
    "officials",
    "official",
    "leaders",
    "leadership",
    "delegation",
    "delegations",
    "diplomats",
    "diplomat",
    "embassy",
    "agency",
    "agencies",
    "regime",
    "administration",
    "cabinet",
    "ministry",
    "police",
    "security",
    "intelligence",
    "guards",
    "pilots",
    "commandos",
    "infantry",
    "tanks",
    "missiles",
    "missile",
    "rockets",
    "rocket",
    "batteries",
    "positions",
    "targets",
    "oil",
    "tankers",
    "tanker",
    "territory",
    "border",
    "cities",
    "city",
    "towns",
    "town",
    "villages",
    "village",
    "installations",
    "platforms",
    "platform",
    "facilities",
    "bases",
    "base",
    "airspace",
    "waters",
    "shipping",
    "ports",
    "port",
    "people",
    "civilians",
    "nationals",
    "citizens",
    "prisoners",
    "hostages",
    "fighters",
    "militiamen",
    "guerrillas",
    "gunmen",
    "side",
    "defences",
    "strikes",
    "airstrikes",
    "raids",
    "shelling",
    "defenses",
    "front",
    "lines",
    "state",
    "media",
    "news",
    "radio",
    "television",
    "tv",
    "agency",
    "press",
    "sources",
    "source",
    "side",
    "interests",
];

#[cfg(test)]
mod tests {
    use super::*;

    /// The class as a search of the lists in order gives it.
    fn class_by_lists(word: &str) -> WordClass {
        CLASS_LISTS
            .iter()
            .find(|(words, _)| words.contains(&word))
            .map_or(WordClass::Other, |&(_, class)| class)
    }

    #[test]
    fn the_table_agrees_with_the_lists() {
        let all = [
            PREPOSITIONS,
            DETERMINERS,
            AUXILIARIES,
            NEGATIONS,
            REPORTING,
            CONJUNCTIONS,
            FILLERS,
            MODIFIERS,
            STATE_NOUNS,
        ];
        let others = ["which", "and", "&", "attacked", "", "1987", "Iraq", "news"];
        let words = all.iter().flat_map(|l| l.iter().copied()).chain(others);
        for word in words {
            assert_eq!(class(word), class_by_lists(word), "{word}");
            assert_eq!(
                is_modifier(word),
                class_by_lists(word) == WordClass::Determiner
                    || MODIFIERS.contains(&word)
                    || word.chars().all(|c| c.is_ascii_digit()),
                "{word}"
            );
            assert_eq!(
                is_filler(word),
                matches!(
                    class_by_lists(word),
                    WordClass::Auxiliary | WordClass::Determiner
                ) || FILLERS.contains(&word)
                    || word.chars().all(|c| c.is_ascii_digit()),
                "{word}"
            );
            assert_eq!(is_state_noun(word), STATE_NOUNS.contains(&word), "{word}");
            assert_eq!(
                denies(word) && NEGATIONS.contains(&word),
                NEGATIONS.contains(&word)
            );
        }
        assert_eq!(class("with"), WordClass::Preposition);
        assert_eq!(class("whom"), WordClass::Relative);
        assert_eq!(class("attacked"), WordClass::Other);
    }
}
