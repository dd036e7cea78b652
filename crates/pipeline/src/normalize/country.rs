//! Country codes (ISO 3166-1 alpha-2) for location text: country names and common aliases, US
//! states, Canadian provinces and the cities job posts name most.

use std::collections::HashMap;
use std::sync::OnceLock;

/// `CODE:name|alias|city|...` — names are matched as whole words, longest first.
const PLACES: &[&str] = &[
    "US:united states|united states of america|usa|u.s.|u.s.a.|america|new york|nyc|san francisco|sf bay area|bay area|seattle|austin|boston|chicago|los angeles|denver|atlanta|miami|washington dc|washington, dc|portland|san diego|san jose|palo alto|mountain view|menlo park|redmond|kirkland|dallas|houston|philadelphia|pittsburgh|minneapolis|detroit|salt lake city|raleigh|nashville|phoenix|brooklyn|silicon valley",
    "GB:united kingdom|uk|u.k.|great britain|britain|england|scotland|wales|northern ireland|london|manchester|edinburgh|glasgow|bristol|cambridge|oxford|leeds|birmingham|belfast",
    "DE:germany|deutschland|berlin|munich|münchen|hamburg|frankfurt|cologne|köln|stuttgart|düsseldorf|leipzig",
    "FR:france|paris|lyon|toulouse|marseille|bordeaux|nantes|lille",
    "NL:netherlands|the netherlands|holland|amsterdam|rotterdam|utrecht|the hague|eindhoven",
    "BE:belgium|brussels|antwerp|ghent",
    "ES:spain|españa|madrid|barcelona|valencia|seville|málaga|malaga",
    "PT:portugal|lisbon|lisboa|porto",
    "IT:italy|italia|milan|milano|rome|roma|turin|torino|bologna",
    "IE:ireland|dublin|cork",
    "CH:switzerland|schweiz|suisse|zurich|zürich|geneva|genève|basel|lausanne|bern",
    "AT:austria|österreich|vienna|wien|graz",
    "SE:sweden|sverige|stockholm|gothenburg|göteborg|malmö|malmo",
    "NO:norway|norge|oslo|bergen",
    "DK:denmark|danmark|copenhagen|københavn|aarhus",
    "FI:finland|suomi|helsinki|espoo|tampere",
    "IS:iceland|reykjavik",
    "PL:poland|polska|warsaw|warszawa|kraków|krakow|wrocław|wroclaw|gdańsk|gdansk|poznań|poznan",
    "CZ:czech republic|czechia|prague|praha|brno",
    "SK:slovakia|bratislava",
    "HU:hungary|budapest",
    "RO:romania|bucharest|cluj-napoca|cluj",
    "BG:bulgaria|sofia",
    "GR:greece|athens|thessaloniki",
    "HR:croatia|zagreb",
    "RS:serbia|belgrade",
    "SI:slovenia|ljubljana",
    "EE:estonia|tallinn",
    "LV:latvia|riga",
    "LT:lithuania|vilnius",
    "UA:ukraine|kyiv|kiev|lviv|kharkiv",
    "TR:turkey|türkiye|istanbul|ankara",
    "CY:cyprus|limassol|nicosia",
    "MT:malta|valletta",
    "LU:luxembourg",
    "IL:israel|tel aviv|jerusalem|haifa",
    "AE:united arab emirates|uae|dubai|abu dhabi",
    "SA:saudi arabia|riyadh|jeddah",
    "EG:egypt|cairo",
    "ZA:south africa|cape town|johannesburg",
    "NG:nigeria|lagos|abuja",
    "KE:kenya|nairobi",
    "MA:morocco|casablanca",
    "IN:india|bangalore|bengaluru|hyderabad|pune|mumbai|delhi|new delhi|gurgaon|gurugram|noida|chennai|kolkata",
    "PK:pakistan|karachi|lahore|islamabad",
    "BD:bangladesh|dhaka",
    "LK:sri lanka|colombo",
    "SG:singapore",
    "MY:malaysia|kuala lumpur",
    "ID:indonesia|jakarta|bali",
    "PH:philippines|manila|cebu",
    "TH:thailand|bangkok",
    "VN:vietnam|viet nam|ho chi minh|ho chi minh city|hanoi|da nang",
    "CN:china|beijing|shanghai|shenzhen|hangzhou|guangzhou",
    "HK:hong kong",
    "TW:taiwan|taipei",
    "JP:japan|tokyo|osaka|kyoto",
    "KR:south korea|korea|seoul|busan",
    "AU:australia|sydney|melbourne|brisbane|perth|adelaide|canberra",
    "NZ:new zealand|auckland|wellington|christchurch",
    "CA:canada|toronto|vancouver|montreal|montréal|ottawa|calgary|edmonton|waterloo|quebec|québec|ontario|british columbia|alberta",
    "MX:mexico|méxico|mexico city|guadalajara|monterrey",
    "BR:brazil|brasil|são paulo|sao paulo|rio de janeiro|belo horizonte|porto alegre|curitiba|florianópolis",
    "AR:argentina|buenos aires|córdoba",
    "CL:chile|santiago",
    "CO:colombia|bogotá|bogota|medellín|medellin",
    "PE:peru|perú|lima",
    "UY:uruguay|montevideo",
    "CR:costa rica|san josé",
];

/// US states and Canadian provinces as the two-letter suffix of "City, ST".
const REGIONS: &[(&str, &str)] = &[
    (
        "US",
        "al|ak|az|ar|ca|co|ct|de|fl|ga|hi|id|il|in|ia|ks|ky|la|me|md|ma|mi|mn|ms|mo|mt|ne|nv|nh|nj|nm|ny|nc|nd|oh|ok|or|pa|ri|sc|sd|tn|tx|ut|vt|va|wa|wv|wi|wy|dc",
    ),
    ("CA", "on|qc|bc|ab|mb|sk|ns|nb|nl|pe"),
];

struct Places {
    /// Phrases by their word count, so longer ones are tried first.
    by_phrase: HashMap<String, &'static str>,
    longest: usize,
}

fn places() -> &'static Places {
    static PLACES_INDEX: OnceLock<Places> = OnceLock::new();
    PLACES_INDEX.get_or_init(|| {
        let mut by_phrase = HashMap::new();
        let mut longest = 1;
        for line in PLACES {
            let Some((code, names)) = line.split_once(':') else { continue };
            for name in names.split('|') {
                let words = words(name);
                longest = longest.max(words.len());
                by_phrase.entry(words.join(" ")).or_insert(code);
            }
        }
        Places { by_phrase, longest }
    })
}

fn words(text: &str) -> Vec<String> {
    text.to_lowercase()
        .split(|c: char| !(c.is_alphanumeric() || c == '.'))
        .map(|word| word.trim_matches('.'))
        .filter(|word| !word.is_empty())
        .map(str::to_string)
        .collect()
}

/// The countries a location label names, in order, without repeats. "Remote (EMEA)" names none.
pub fn countries_in(location: &str) -> Vec<String> {
    let mut found: Vec<String> = Vec::new();
    let mut push = |code: &str| {
        if !found.iter().any(|known| known == code) {
            found.push(code.to_string());
        }
    };
    let words = words(location);
    let index = places();
    let mut position = 0;
    while position < words.len() {
        let mut matched = 0;
        for length in (1..=index.longest.min(words.len() - position)).rev() {
            if let Some(code) = index.by_phrase.get(&words[position..position + length].join(" ")) {
                push(code);
                matched = length;
                break;
            }
        }
        position += matched.max(1);
    }
    // "Kirkland, WA", "Waterloo, ON": a region code after a comma.
    if let Some((_, last)) = location.rsplit_once(',') {
        let region = last.trim().to_lowercase();
        if region.len() == 2 {
            for (code, regions) in REGIONS {
                if regions.split('|').any(|known| known == region) {
                    push(code);
                }
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locations_name_their_countries() {
        for (location, codes) in [
            ("London", vec!["GB"]),
            ("Berlin, Germany", vec!["DE"]),
            ("Kirkland, WA", vec!["US"]),
            ("Montreal, QC, Canada", vec!["CA"]),
            ("Utrecht, The Netherlands", vec!["NL"]),
            ("USA, Canada, Argentina, Mexico, Peru", vec!["US", "CA", "AR", "MX", "PE"]),
            ("Ho Chi Minh", vec!["VN"]),
            ("New York, NY", vec!["US"]),
            ("Remote (EMEA)", vec![]),
            ("Anywhere in the World", vec![]),
            ("Singapore", vec!["SG"]),
        ] {
            assert_eq!(countries_in(location), codes, "{location}");
        }
    }
}
