//! Property test: no parser panics, whatever bytes it is given. Inputs are seeded random bytes,
//! every recorded payload cut short at many points, with bytes flipped, and with its JSON values
//! swapped for values of the wrong type.

use jobhound_sources::{SourceKind, parse};
use serde_json::Value;

const FIXTURES: &[&str] = &[
    "greenhouse-sample-1.json",
    "lever-sample-1.json",
    "ashby-sample-1.json",
    "workable-sample-1.json",
    "smartrecruiters-sample-1.json",
    "recruitee-sample-1.json",
    "remoteok-sample-1.json",
    "remotive-sample-1.json",
    "arbeitnow-sample-1.json",
    "himalayas-sample-1.json",
    "jsearch-sample-1.json",
    "hn-algolia-sample-1.json",
    "hn-algolia-sample-2.json",
    "hn-algolia-sample-3.json",
    "weworkremotely-sample-1.xml",
    "jsonld-jobposting-sample-1.html",
    "linkedin-sample-1.html",
    "workday-gdit-list.json",
    "workday-arrowstreetcapital-list.json",
    "workday-gdit-detail.json",
    "workday-synchrony-detail.json",
    "personio-feed.xml",
    "teamtailor-1komma5-jobs-feed.json",
    "teamtailor-own-jobs-feed-pruned.json",
    "bamboohr-ftlauderdale-list-pruned.json",
    "bamboohr-collectivemeasures-detail.json",
    "breezy-demo-tenant.json",
    "pinpoint-aawdc-postings.json",
    "rippling-11fs-jobs.json",
    "eightfold-freeport-mcmoran-jobs.json",
    "eightfold-albemarle-jobs-pruned.json",
    "comeet-wiliot-positions.json",
    "gem-job-posts.json",
    "dover-careers-jobs.json",
    "icims-wipfli-search-reduced.html",
    "jobvite-feedingamerica-search-reduced.html",
];

fn parse_everywhere(body: &[u8]) {
    for kind in SourceKind::ALL {
        // The result does not matter; returning at all does.
        let _ = parse(*kind, body);
    }
    // Reached only through a fetch (the recipe finder has its own test below).
    let _ = jobhound_sources::ats::teamtailor::parse_rss(body);
}

#[test]
fn random_bytes_never_panic() {
    let mut rng = fastrand::Rng::with_seed(0x10b_4047d);
    for round in 0..300 {
        let length = rng.usize(0..2048);
        let bytes: Vec<u8> = if round % 2 == 0 {
            (0..length).map(|_| rng.u8(..)).collect()
        } else {
            // Mostly structural characters, so the JSON, XML and HTML parsers get further in.
            let alphabet = br#"{}[]":,0123456789.-eE truefalsn<>/=?!&;#x'abc\u00"#;
            (0..length).map(|_| alphabet[rng.usize(..alphabet.len())]).collect()
        };
        parse_everywhere(&bytes);
    }
}

#[test]
fn damaged_recordings_never_panic() {
    let mut rng = fastrand::Rng::with_seed(7);
    for name in FIXTURES {
        let original = crate::common::fixture(name);
        let step = (original.len() / 64).max(1);
        for cut in (0..original.len()).step_by(step) {
            parse_everywhere(&original[..cut]);
        }
        for _ in 0..40 {
            let mut damaged = original.clone();
            for _ in 0..rng.usize(1..8) {
                let at = rng.usize(..damaged.len());
                damaged[at] = rng.u8(..);
            }
            parse_everywhere(&damaged);
        }
    }
}

/// Replaces the `index`-th scalar (in document order) with `replacement`.
fn swap_nth(value: &mut Value, index: &mut usize, replacement: &Value) -> bool {
    match value {
        Value::Object(map) => map.values_mut().any(|child| swap_nth(child, index, replacement)),
        Value::Array(items) => items.iter_mut().any(|child| swap_nth(child, index, replacement)),
        scalar => {
            if *index == 0 {
                *scalar = replacement.clone();
                return true;
            }
            *index -= 1;
            false
        }
    }
}

#[test]
fn values_of_the_wrong_type_never_panic() {
    let replacements = [
        Value::Null,
        Value::from(-1),
        Value::from(1e300),
        Value::from(u64::MAX),
        Value::from(""),
        Value::from("<<<&#x;"),
        serde_json::json!([]),
        serde_json::json!({}),
    ];
    // Readers of markup see a JSON value of another type as a few changed characters of text, which
    // the damaged-recording test already covers; they were half this test's time (the page finder
    // alone a quarter), so only the JSON readers get these documents.
    let markup_readers = ["page", "icims", "jobvite", "linkedin", "jsonld", "rss", "personio"];
    let json_readers: Vec<SourceKind> =
        SourceKind::ALL.iter().copied().filter(|kind| !markup_readers.contains(&kind.as_str())).collect();
    let fixtures: Vec<&str> = FIXTURES.iter().copied().filter(|name| name.ends_with(".json")).collect();
    // The fixtures are independent: two threads halve the time on two idle cores.
    std::thread::scope(|scope| {
        for half in fixtures.chunks(fixtures.len().div_ceil(2)) {
            let json_readers = &json_readers;
            let replacements = &replacements;
            scope.spawn(move || {
                for name in half {
                    let original: Value = serde_json::from_slice(&crate::common::fixture(name)).unwrap();
                    for position in 0..400 {
                        for replacement in replacements {
                            let mut changed = original.clone();
                            let mut index = position;
                            if !swap_nth(&mut changed, &mut index, replacement) {
                                break;
                            }
                            let body = serde_json::to_vec(&changed).unwrap();
                            for kind in json_readers {
                                let _ = parse(*kind, &body);
                            }
                        }
                    }
                }
            });
        }
    });
}

#[test]
fn salary_text_never_panics_and_never_returns_a_reversed_range() {
    let mut rng = fastrand::Rng::with_seed(42);
    let alphabet: Vec<char> =
        "0123456789 .,'’-–to$€£₹kKmM%/+()hryearmonthdayweekUSDEURCHFzł up from a per".chars().collect();
    for _ in 0..20_000 {
        let text: String = (0..rng.usize(0..40)).map(|_| alphabet[rng.usize(..alphabet.len())]).collect();
        if let Some(salary) = jobhound_sources::salary_text::parse_salary_text(&text) {
            if let (Some(min), Some(max)) = (salary.min, salary.max) {
                assert!(min <= max, "{text:?} -> {salary:?}");
            }
            assert!(salary.yearly_max.or(salary.yearly_min).unwrap_or(0.0) <= 2_000_000.0, "{text:?} -> {salary:?}");
        }
    }
}

#[test]
fn the_recipe_finder_never_panics_on_damaged_pages() {
    let page = url::Url::parse("https://www.acme.example/jobs/").unwrap();
    let mut rng = fastrand::Rng::with_seed(23);
    for name in
        ["custom-ctcue-jobs-2018-11-28.html", "custom-2i2c-jobs-2023-10-31.html", "custom-2i2c-jobs-2026-06-29.html"]
    {
        let original = crate::common::fixture(name);
        let step = (original.len() / 24).max(1);
        for cut in (0..original.len()).step_by(step) {
            let _ = jobhound_sources::recipe::find(&String::from_utf8_lossy(&original[..cut]), &page);
        }
        for _ in 0..10 {
            let mut damaged = original.clone();
            for _ in 0..rng.usize(1..16) {
                let at = rng.usize(..damaged.len());
                damaged[at] = b"<>/\"'= a"[rng.usize(..8)];
            }
            let _ = jobhound_sources::recipe::find(&String::from_utf8_lossy(&damaged), &page);
        }
    }
}
