//! Where a job is, as dedup compares it: "Berlin, Germany", "Berlin, DE" and "BERLIN" are one
//! place; "Remote" and "Anywhere" are none; "USA" and "United States" are one country, which a
//! job in New York is in.

use std::collections::BTreeSet;

use jobhound_sources::WorkMode;

use crate::normalize::{countries_in, split_work_mode};

/// Where a job is: its places (a city, or a country as `country:XX`) and the countries they are in.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Places {
    pub keys: BTreeSet<String>,
    pub countries: BTreeSet<String>,
}

impl Places {
    pub fn new(locations: &[String]) -> Self {
        let mut places = Places::default();
        for location in locations {
            let (_, place) = split_work_mode(location);
            let Some(place) = place else { continue };
            places.countries.extend(countries_in(&place));
            if let Some(key) = place_key(&place) {
                places.keys.insert(key);
            }
        }
        places
    }

    fn only_countries(&self) -> bool {
        self.keys.iter().all(|key| key.starts_with(COUNTRY))
    }

    fn country_codes(&self) -> impl Iterator<Item = &str> {
        self.keys.iter().filter_map(|key| key.strip_prefix(COUNTRY))
    }
}

const COUNTRY: &str = "country:";

/// Whether two jobs can be at the same place: a job without a place matches one with a place only
/// in the same work mode; a job listed only by country matches one in a city of that country.
pub fn places_compatible(a: &Places, a_mode: Option<WorkMode>, b: &Places, b_mode: Option<WorkMode>) -> bool {
    if a.keys.is_empty() || b.keys.is_empty() {
        return a_mode.is_none() || b_mode.is_none() || a_mode == b_mode;
    }
    if !a.keys.is_disjoint(&b.keys) {
        return true;
    }
    // "United States" and "Austin" are one place only for one way of working: a remote job for
    // the US and an office job in Austin are two jobs.
    let same_mode = a_mode.is_none() || b_mode.is_none() || a_mode == b_mode;
    let within = |countries: &Places, cities: &Places| {
        countries.only_countries() && countries.country_codes().any(|code| cities.countries.contains(code))
    };
    same_mode && (within(a, b) || within(b, a))
}

/// The key of one place: its first part ("Berlin" of "Berlin, Germany") in lower case, or the
/// country it names; `None` for a place that is nowhere in particular.
fn place_key(place: &str) -> Option<String> {
    let first = place.split([',', '/', '·', '|', '(', ';']).next().unwrap_or_default();
    let key = first
        .to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    if key.is_empty() || is_nowhere(&key) {
        return None;
    }
    Some(match country_code(&key) {
        Some(code) => format!("{COUNTRY}{code}"),
        None => key,
    })
}

fn is_nowhere(key: &str) -> bool {
    matches!(key, "remote" | "anywhere" | "worldwide" | "global" | "anywhere in the world" | "work from home" | "wfh")
}

/// Whether a part of a title names where the job is: one of its places, or the country of one.
pub fn is_place_phrase(phrase: &str, places: &Places) -> bool {
    if is_nowhere(phrase) {
        return true;
    }
    // Two letters in a title are more often a department ("IT", "HR") than a country.
    if phrase.len() <= 2 && !matches!(phrase, "us" | "uk") {
        return places.keys.contains(phrase);
    }
    match place_key(phrase) {
        Some(key) if places.keys.contains(&key) => true,
        Some(key) => key.strip_prefix(COUNTRY).is_some_and(|code| places.countries.contains(code)),
        None => false,
    }
}

/// Words that say how a job is worked rather than what it is.
pub fn is_work_mode_word(word: &str) -> bool {
    matches!(word, "remote" | "hybrid" | "onsite" | "wfh" | "fulltime" | "parttime" | "full" | "part" | "time")
}

/// Country names and the abbreviations postings use for them, for the countries most postings
/// name. (Cities are matched by name; `countries_in` knows which country a city is in.)
fn country_code(key: &str) -> Option<&'static str> {
    Some(match key {
        "us" | "usa" | "u s" | "u s a" | "united states" | "united states of america" | "america" => "US",
        "uk" | "u k" | "united kingdom" | "great britain" | "gb" | "britain" => "GB",
        "germany" | "deutschland" | "de" => "DE",
        "france" | "fr" => "FR",
        "netherlands" | "the netherlands" | "nl" | "holland" => "NL",
        "spain" | "españa" | "es" => "ES",
        "portugal" | "pt" => "PT",
        "italy" | "italia" | "it" => "IT",
        "ireland" | "ie" => "IE",
        "canada" | "ca" => "CA",
        "australia" | "au" => "AU",
        "india" | "in" => "IN",
        "poland" | "polska" | "pl" => "PL",
        "switzerland" | "ch" => "CH",
        "austria" | "at" => "AT",
        "sweden" | "se" => "SE",
        "denmark" | "dk" => "DK",
        "norway" | "no" => "NO",
        "finland" | "fi" => "FI",
        "belgium" | "be" => "BE",
        "brazil" | "brasil" | "br" => "BR",
        "mexico" | "méxico" | "mx" => "MX",
        "singapore" | "sg" => "SG",
        "japan" | "jp" => "JP",
        _ => return None,
    })
}
