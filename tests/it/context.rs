//! Mentions resolved in time and context, table by table, with the bundled
//! gazetteer: names borne in turn, titles and their holders, leaders'
//! groups, provinces, surnames and glued text, each on dated documents on
//! both sides of the day things changed.

use std::sync::LazyLock;

use actorgraph::corpus::Document;
use actorgraph::extract::{ExtractOptions, Extractor};
use actorgraph::gazetteer::Gazetteer;
use serde_json::Value;

use super::harness::ok;

static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(|| Gazetteer::builtin().unwrap());

/// Every mention of `text` dated `date` (`None`: undated, read as of
/// 2026-11-30) as `text=entity:kind`, in order.
fn found(date: Option<&str>, text: &str) -> Vec<String> {
    let options = ExtractOptions {
        undated: Some("2026-11-30".parse().unwrap()),
        ..ExtractOptions::default()
    };
    let extractor = Extractor::new(&GAZETTEER, options).unwrap();
    let mut doc = Document::new("d", text);
    doc.date = date.map(String::from);
    extractor
        .extract(&doc)
        .mentions
        .iter()
        .map(|m| {
            let id = &GAZETTEER.entity(m.entity).id;
            format!("{}={id}:{}", &text[m.start..m.end], m.kind.as_str())
        })
        .collect()
}

/// Runs a table of (date, text, the mentions it must hold in order).
fn check(table: &[(Option<&str>, &str, &[&str])]) {
    for &(date, text, want) in table {
        assert_eq!(found(date, text), want, "{text:?} on {date:?}");
    }
}

#[test]
fn names_borne_in_turn_go_to_the_entity_of_the_date() {
    check(&[
        (
            Some("2024-06-01"),
            "the Syrian army",
            &["Syrian army=syrian-arab-army:name"],
        ),
        (
            Some("2025-06-01"),
            "the Syrian army",
            &["Syrian army=syrian-army:name"],
        ),
        (None, "the Syrian army", &["Syrian army=syrian-army:name"]),
        (
            Some("2024-11-30"),
            "the Syrian government",
            &["Syrian government=government-of-syria:name"],
        ),
        (
            Some("2025-01-15"),
            "the Syrian government",
            &["Syrian government=syrian-caretaker-government:name"],
        ),
        (
            Some("2025-04-01"),
            "the Syrian government",
            &["Syrian government=syrian-transitional-government:name"],
        ),
        // Between two governments, the nearer one.
        (
            Some("2024-12-08"),
            "the Syrian government",
            &["Syrian government=government-of-syria:name"],
        ),
        (
            Some("2024-12-09"),
            "the Syrian government",
            &["Syrian government=syrian-caretaker-government:name"],
        ),
        // A group that has ended is still named after its end.
        (
            Some("2026-01-01"),
            "HTS fighters",
            &["HTS=hayat-tahrir-al-sham:acronym"],
        ),
    ]);
}

#[test]
fn titles_name_the_holder_of_the_office_on_the_date() {
    check(&[
        (
            Some("2024-04-10"),
            "Iran's foreign minister said",
            &["Iran's foreign minister=hossein-amir-abdollahian:title"],
        ),
        (
            Some("2024-06-15"),
            "Iran's foreign minister said",
            &["Iran's foreign minister=ali-bagheri-kani:title"],
        ),
        (
            Some("2024-12-01"),
            "Iran's foreign minister said",
            &["Iran's foreign minister=abbas-araghchi:title"],
        ),
        (
            Some("2024-04-10"),
            "Iran’s top diplomat said",
            &["Iran’s top diplomat=hossein-amir-abdollahian:title"],
        ),
        (
            Some("2024-12-01"),
            "the Iranian top diplomat",
            &["Iranian top diplomat=abbas-araghchi:title"],
        ),
        (
            Some("2024-12-01"),
            "the Turkish foreign minister",
            &["Turkish foreign minister=hakan-fidan:title"],
        ),
        (
            Some("2023-01-01"),
            "the Turkish foreign minister",
            &["Turkish foreign minister=mevlut-cavusoglu:title"],
        ),
        (
            Some("2024-10-10"),
            "Syria's president",
            &["Syria's president=bashar-al-assad:title"],
        ),
        (
            Some("2025-05-01"),
            "Syria's president",
            &["Syria's president=ahmed-al-sharaa:title"],
        ),
        (
            Some("2025-05-01"),
            "Syria's interim president",
            &["Syria's interim president=ahmed-al-sharaa:title"],
        ),
        (
            Some("2024-11-30"),
            "Syrian President",
            &["Syrian President=bashar-al-assad:title"],
        ),
        (
            Some("2026-02-01"),
            "Syrian President",
            &["Syrian President=ahmed-al-sharaa:title"],
        ),
        (
            Some("2024-12-01"),
            "the Iraqi prime minister",
            &["Iraqi prime minister=mohammed-shia-al-sudani:title"],
        ),
        (
            Some("2026-06-01"),
            "the Iraqi prime minister",
            &["Iraqi prime minister=ali-al-zaidi:title"],
        ),
        (
            Some("2024-12-01"),
            "Iraq's prime minister",
            &["Iraq's prime minister=mohammed-shia-al-sudani:title"],
        ),
        (
            Some("2024-12-01"),
            "the Prime Minister of Iraq",
            &["Prime Minister of Iraq=mohammed-shia-al-sudani:title"],
        ),
        (
            Some("2026-06-01"),
            "the Iraqi premier",
            &["Iraqi premier=ali-al-zaidi:title"],
        ),
        (
            Some("2024-12-20"),
            "Hezbollah's secretary-general",
            &["Hezbollah's secretary-general=naim-qassem:title"],
        ),
        (
            Some("2024-09-01"),
            "the Hezbollah leader",
            &["Hezbollah leader=hassan-nasrallah:title"],
        ),
        (
            Some("2024-12-20"),
            "the Hezbollah leader",
            &["Hezbollah leader=naim-qassem:title"],
        ),
        // A city stands for its governorate's offices.
        (
            Some("2024-12-20"),
            "Basra governor",
            &["Basra governor=asaad-al-eidani:title"],
        ),
        // Undated: today's holder (the tests' today is 2026-11-30).
        (
            None,
            "Iran's foreign minister said",
            &["Iran's foreign minister=abbas-araghchi:title"],
        ),
    ]);
}

#[test]
fn titles_that_name_nobody_on_the_date_are_left_alone() {
    check(&[
        // No president between Assad's fall and Sharaa's declaration.
        (
            Some("2025-01-01"),
            "Syria's president",
            &["Syria=syria:name"],
        ),
        (
            Some("2025-01-01"),
            "Syria's interim president",
            &["Syria=syria:name"],
        ),
        // A former or then- office holder is not the holder of the date.
        (
            Some("2024-12-01"),
            "the former Iraqi prime minister",
            &["Iraqi=iraq:demonym"],
        ),
        (
            Some("2024-12-01"),
            "the then-Iranian foreign minister",
            &["Iranian=iran:demonym"],
        ),
        (
            Some("2025-05-01"),
            "Syria's ousted president",
            &["Syria=syria:name"],
        ),
        // A group has many commanders: "a (senior) Hezbollah commander"
        // is not its leader; "the Hezbollah chief" is.
        (
            Some("2024-08-17"),
            "Israel killed a Hezbollah commander",
            &["Israel=israel:name", "Hezbollah=hezbollah:name"],
        ),
        (
            Some("2024-08-17"),
            "Israel killed a senior Hezbollah commander",
            &["Israel=israel:name", "Hezbollah=hezbollah:name"],
        ),
        (
            Some("2024-08-17"),
            "the Hezbollah chief",
            &["Hezbollah chief=hassan-nasrallah:title"],
        ),
        // Plurals, and offices several people hold at once.
        (
            Some("2024-12-01"),
            "Iraq's foreign ministers",
            &["Iraq=iraq:name"],
        ),
        (
            Some("2024-12-01"),
            "Iraq's deputy prime minister",
            &["Iraq=iraq:name"],
        ),
        (
            Some("2024-12-01"),
            "Iraq's deputy foreign minister",
            &["Iraq=iraq:name"],
        ),
        // A title does not run on across a paragraph.
        (
            Some("2024-12-01"),
            "IRAQ SEALS BORDER WITH SYRIA\n\nPrime minister said",
            &["IRAQ=iraq:name", "SYRIA=syria:name"],
        ),
    ]);
}

#[test]
fn an_undated_document_is_dated_by_the_titles_it_gives_people() {
    check(&[
        // Without titles, today's state (2026-11-30 in these tests).
        (
            None,
            "The Syrian president met the Syrian army.",
            &[
                "Syrian president=ahmed-al-sharaa:title",
                "Syrian army=syrian-army:name",
            ],
        ),
        // "President Bashar al-Assad" dates the text before his fall.
        (
            None,
            "President Bashar al-Assad met the Syrian army.",
            &[
                "Bashar al-Assad=bashar-al-assad:name",
                "Syrian army=syrian-arab-army:name",
            ],
        ),
        // Two titled presidents: the latest day both were in office.
        (
            None,
            "Iraqi President Saddam Hussein wrote to Iranian President Akbar Hashemi \
             Rafsanjani. The Syrian president replied.",
            &[
                "Iraqi=iraq:demonym",
                "Saddam Hussein=saddam-hussein:name",
                "Iranian=iran:demonym",
                "Akbar Hashemi Rafsanjani=akbar-hashemi-rafsanjani:name",
                "Syrian president=hafez-al-assad:title",
            ],
        ),
        // A document with a date keeps it, whatever its titles say.
        (
            Some("2025-05-01"),
            "President Bashar al-Assad met the Syrian army.",
            &[
                "Bashar al-Assad=bashar-al-assad:name",
                "Syrian army=syrian-army:name",
            ],
        ),
    ]);
}

#[test]
fn a_title_before_a_name_is_one_mention_of_the_name() {
    check(&[
        (
            Some("2024-12-01"),
            "Iraq's foreign minister Fuad Hussein said",
            &["Iraq=iraq:name", "Fuad Hussein=fuad-hussein:name"],
        ),
        (
            Some("2024-12-01"),
            "Iraqi Prime Minister Mohammed Shia al-Sudani spoke",
            &[
                "Iraqi=iraq:demonym",
                "Mohammed Shia al-Sudani=mohammed-shia-al-sudani:name",
            ],
        ),
        // A form of address between the title and the name.
        (
            Some("2025-04-12"),
            "Omani Foreign Minister Sayyid Badr Al Busaidi hosted the talks",
            &["Omani=oman:demonym", "Badr Al Busaidi=badr-albusaidi:name"],
        ),
        (
            Some("2024-12-01"),
            "Iran's foreign minister, Abbas Araghchi, said",
            &["Iran=iran:name", "Abbas Araghchi=abbas-araghchi:name"],
        ),
        // Whoever the text names: the gazetteer's holder of the day is not
        // put beside them.
        (
            Some("2024-12-01"),
            "Syrian President Hafez al-Assad",
            &["Syrian=syria:demonym", "Hafez al-Assad=hafez-al-assad:name"],
        ),
        (
            Some("2024-12-01"),
            "Fuad Hussein, Iraq's foreign minister, said",
            &["Fuad Hussein=fuad-hussein:name", "Iraq=iraq:name"],
        ),
        // With "the" after the comma, and the title before "of" the group:
        // the group stays a mention, no second one of the person.
        (
            Some("2025-06-01"),
            "Falih al-Fayyadh, the chairman of the Popular Mobilization Forces, said",
            &[
                "Falih al-Fayyadh=falih-al-fayyadh:name",
                "Popular Mobilization Forces=popular-mobilization-forces:name",
            ],
        ),
        (
            Some("2024-12-01"),
            "Fuad Hussein, the Iraqi foreign minister, said",
            &["Fuad Hussein=fuad-hussein:name", "Iraqi=iraq:demonym"],
        ),
        (
            Some("2024-12-01"),
            "Fuad Hussein, who is also the Iraqi foreign minister, said",
            &["Fuad Hussein=fuad-hussein:name", "Iraqi=iraq:demonym"],
        ),
    ]);
}

#[test]
fn a_leaders_regime_is_also_what_the_leader_leads() {
    check(&[
        (
            Some("2023-05-01"),
            "Bashar al-Assad's regime",
            &[
                "Bashar al-Assad=bashar-al-assad:name",
                "regime=government-of-syria:reference",
            ],
        ),
        // After his fall, his regime is still the government he headed.
        (
            Some("2025-03-08"),
            "Assad loyalists attacked",
            &[
                "Assad=bashar-al-assad:name",
                "loyalists=government-of-syria:reference",
            ],
        ),
        (
            Some("2024-12-20"),
            "Sharaa's government",
            &[
                "Sharaa=ahmed-al-sharaa:name",
                "government=syrian-caretaker-government:reference",
            ],
        ),
        (
            Some("2025-05-01"),
            "Sharaa's government",
            &[
                "Sharaa=ahmed-al-sharaa:name",
                "government=syrian-transitional-government:reference",
            ],
        ),
        (
            Some("2024-12-01"),
            "Erdogan's forces",
            &[
                "Erdogan=recep-tayyip-erdogan:name",
                "forces=government-of-turkiye:reference",
            ],
        ),
        // A leader's name before any other word is the leader only.
        (
            Some("2024-12-01"),
            "Assad's wife",
            &["Assad=bashar-al-assad:name"],
        ),
    ]);
}

#[test]
fn provinces_are_governorates_and_cities_are_cities() {
    check(&[
        (
            Some("2024-12-01"),
            "in Idlib province",
            &["Idlib province=idlib-governorate:name"],
        ),
        (
            Some("2025-03-08"),
            "the province of Hama",
            &["province of Hama=hama-governorate:name"],
        ),
        (
            Some("2024-12-01"),
            "Hasakah governorate",
            &["Hasakah governorate=hasakah-governorate:name"],
        ),
        (
            Some("2025-03-08"),
            "the Aleppo countryside",
            &["Aleppo countryside=aleppo-governorate:name"],
        ),
        (
            Some("2025-03-08"),
            "Latakia and Tartus provinces",
            &[
                "Latakia=latakia-governorate:name",
                "Tartus provinces=tartus-governorate:name",
            ],
        ),
        (
            Some("2024-12-01"),
            "Homs, Hama and Tartus provinces",
            &[
                "Homs=homs-governorate:name",
                "Hama=hama-governorate:name",
                "Tartus provinces=tartus-governorate:name",
            ],
        ),
        (
            Some("2025-03-08"),
            "the coastal governorates of Latakia and Tartus",
            &[
                "governorates of Latakia=latakia-governorate:name",
                "Tartus=tartus-governorate:name",
            ],
        ),
        (
            Some("2025-03-08"),
            "the city of Latakia",
            &["Latakia=latakia:name"],
        ),
        (
            Some("2025-03-08"),
            "Latakia and Tartus",
            &["Latakia=latakia:name", "Tartus=tartus:name"],
        ),
        // A list ends where the coordination does.
        (
            Some("2025-03-08"),
            "the provinces of Latakia and Tartus, near Homs",
            &[
                "provinces of Latakia=latakia-governorate:name",
                "Tartus=tartus-governorate:name",
                "Homs=homs:name",
            ],
        ),
    ]);
}

#[test]
fn surnames_do_not_swallow_other_people() {
    check(&[
        (
            Some("2025-05-01"),
            "Sharaa said",
            &["Sharaa=ahmed-al-sharaa:name"],
        ),
        (
            Some("2025-05-01"),
            "President Sharaa said",
            &["Sharaa=ahmed-al-sharaa:name"],
        ),
        (
            Some("2025-05-01"),
            "Syria's Sharaa said",
            &["Syria=syria:name", "Sharaa=ahmed-al-sharaa:name"],
        ),
        (
            Some("2025-05-01"),
            "Ahmed Sharaa said",
            &["Ahmed Sharaa=ahmed-al-sharaa:name"],
        ),
        (
            Some("2024-12-01"),
            "Bashar Assad fled",
            &["Bashar Assad=bashar-al-assad:name"],
        ),
        (
            Some("2024-12-01"),
            "al-Mohammadawi said",
            &["al-Mohammadawi=abu-fadak-al-mohammadawi:name"],
        ),
        (
            Some("2024-12-01"),
            "Qais al-Muhammadawi said",
            &["Qais al-Muhammadawi=qais-al-muhammadawi:name"],
        ),
        // Somebody else's given name before the surname: somebody else.
        (Some("2024-12-01"), "Hassan al-Mohammadawi said", &[]),
        (Some("2025-05-01"), "Khaled al-Sharaa said", &[]),
        (Some("2024-12-01"), "Qais al-Araji said", &[]),
        (
            Some("2024-12-01"),
            "Qasim al-Araji said",
            &["Qasim al-Araji=qasim-al-araji:name"],
        ),
        (
            Some("2024-12-01"),
            "when al-Araji said",
            &["al-Araji=qasim-al-araji:name"],
        ),
    ]);
}

#[test]
fn long_names_match_across_lost_spaces_and_short_ones_never_inside_words() {
    check(&[
        (
            Some("2025-03-10"),
            "cumhuriyet.com.trAl-Araji's remarks",
            &["cumhuriyet=cumhuriyet:name", "Al-Araji=qasim-al-araji:name"],
        ),
        (
            Some("2025-03-10"),
            "Then al-Arajidescribed the attacks",
            &["al-Araji=qasim-al-araji:name"],
        ),
        (
            Some("2025-03-10"),
            "Qasim al-Arajisaid",
            &["Qasim al-Araji=qasim-al-araji:name"],
        ),
        // Short names, and names that run on into a nisba, stay whole words.
        (Some("2025-03-10"), "Assadsaid it", &[]),
        (Some("2025-03-10"), "Sharaasaid it", &[]),
        (
            Some("2025-03-10"),
            "Hamasi fighters and Iraqis",
            &["Iraqis=iraq:demonym"],
        ),
        (Some("2025-03-10"), "Adnan al-Assadi said", &[]),
        (Some("2025-03-10"), "newsIraq said", &[]),
    ]);
}

#[test]
fn extract_says_how_a_title_was_resolved() {
    let out = ok(&[
        "extract",
        "--undated-as",
        "2024-04-10",
        "tests/data/titles.jsonl",
    ]);
    let lines: Vec<Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let title = lines
        .iter()
        .find(|m| m["kind"] == "title")
        .expect("a title mention");
    assert_eq!(title["entity"], "ali-bagheri-kani");
    assert_eq!(title["text"], "Iran's top diplomat");
    let via = &title["via"];
    assert_eq!(via["rule"], "title");
    assert_eq!(via["title"], "top diplomat");
    assert_eq!(via["office"], "Foreign Minister");
    assert_eq!(via["role"], "Acting Foreign Minister");
    assert_eq!(via["of"], "iran");
    assert_eq!(via["date"], "2024-06-15");
    assert_eq!(via["undated"], false);
    let names: Vec<&str> = lines
        .iter()
        .filter(|m| m["kind"] == "title")
        .filter_map(|m| m["entity"].as_str())
        .collect();
    assert_eq!(
        names,
        [
            "ali-bagheri-kani",
            "hossein-amir-abdollahian",
            "abbas-araghchi"
        ],
        "{out}"
    );
    let undated = &lines.iter().find(|m| m["doc"] == "undated").unwrap()["via"];
    assert_eq!(undated["date"], "2024-04-10");
    assert_eq!(undated["undated"], true);
    let dateline = &lines
        .iter()
        .find(|m| m["doc"] == "dateline" && m["kind"] == "title")
        .unwrap()["via"];
    assert_eq!(dateline["date"], "2024-11-30");
    assert_eq!(dateline["undated"], false);
}
