use super::link::is_specific;
use super::*;

fn key(title: &str) -> String {
    title_keys(title, &Places::default()).primary
}

fn job(title: &str, company: &str, locations: &[&str], text: &str) -> DedupKey {
    let locations: Vec<String> = locations.iter().map(|place| place.to_string()).collect();
    DedupKey::new(title, company, &locations, None, None, text)
}

#[test]
fn titles_and_companies_compare_without_noise() {
    assert_eq!(key("Senior Software Engineer (m/w/d)"), "senior software engineer");
    assert_eq!(key("Sr. Software Engineer - Remote"), "senior software engineer");
    assert_eq!(key("Fullstack SWE"), "fullstack software engineer");
    assert_eq!(company_key("Vercel, Inc."), "vercel");
    assert_eq!(company_key("The Vercel Company GmbH"), "vercel");
    assert_eq!(company_key("Modash.io"), "modash");
    assert_eq!(company_key("Group"), "group", "a name is never emptied");
}

#[test]
fn retyped_titles_share_a_key() {
    assert_eq!(key("CUSTOMER DATA SCIENTIST - EXPERIMENTATION"), key("Customer Data Scientist, Experimentation"));
    assert_eq!(key("Analytics Engineer Ii"), key("Analytics Engineer II"));
    assert_eq!(key("Analytics Engineer 2"), key("Analytics Engineer II"));
    assert_eq!(key("Backend Software Engineer (Python)"), key("Backend Software Engineer - Python"));
    assert_eq!(key("Partner, US"), key("Partner - US"));
    assert_eq!(key("Full-Stack Engineer"), "full stack engineer", "a hyphen inside a word joins");
    assert_eq!(key("Werkstudent Customer Success (x/f/m)"), "werkstudent customer success");
    assert_eq!(key("Engineer (all genders)"), "engineer");
    let washington = Places::new(&["Washington, DC".to_string()]);
    let linkedin = title_keys("UX/UI Designer Job at Steampunk, Inc. in Washington", &washington);
    assert_eq!(linkedin.primary, "ux ui designer", "a board's sentence around the title goes");
    let team = title_keys("UX/UI Designer, Mobile Job at Steampunk, Inc. in Washington", &washington);
    assert_eq!(team.primary, "ux ui designer mobile");
    assert_eq!(title_keys("Job at the zoo (Keeper)", &washington).primary, "job at the zoo keeper");
}

#[test]
fn a_title_naming_the_jobs_own_place_drops_it() {
    let new_york = Places::new(&["New York, NY".to_string()]);
    let director = title_keys("Director, Performance Marketing - New York", &new_york);
    assert_eq!(director.primary, "director performance marketing");
    let us = Places::new(&["United States".to_string()]);
    assert_eq!(title_keys("Partner, US", &us).primary, "partner");
    assert_eq!(title_keys("Partner (USA)", &us).primary, "partner");
    assert_eq!(title_keys("Engineer (Remote - US)", &us).primary, "engineer");
    // Another city stays part of the title: that is another job.
    assert_eq!(
        title_keys("Director, Performance Marketing - Chicago", &new_york).primary,
        "director performance marketing chicago"
    );
    // Two letters are a department unless the job is there.
    assert_eq!(title_keys("Manager, IT", &Places::new(&["Milan, Italy".to_string()])).primary, "manager it");
}

#[test]
fn a_title_with_a_translation_offers_each_name() {
    let bilingual = title_keys("Ingeniero de Datos (Data Engineer)", &Places::default());
    assert!(bilingual.matches(&title_keys("Data Engineer", &Places::default())), "{bilingual:?}");
    let dashed = title_keys("Entwickler Backend - Backend Developer", &Places::default());
    assert!(dashed.matches(&title_keys("Backend Developer", &Places::default())), "{dashed:?}");
    // Two teams of one title share an alternate but never each other's primary key.
    let payments = title_keys("Software Engineer, Payments", &Places::default());
    let growth = title_keys("Software Engineer, Growth", &Places::default());
    assert!(!payments.matches(&growth));
    // Levels never match.
    assert!(!title_keys("Engineer II", &Places::default()).matches(&title_keys("Engineer III", &Places::default())));
    assert!(
        !title_keys("Senior Engineer", &Places::default()).matches(&title_keys("Staff Engineer", &Places::default()))
    );
}

#[test]
fn companies_retyped_share_a_key() {
    assert_eq!(company_key("Acme B.V."), "acme");
    assert_eq!(company_key("ACME BV  "), "acme");
    assert_eq!(company_key("Acme GmbH & Co. KG"), "acme");
    assert_eq!(company_key("Acme S.A."), "acme");
    assert_eq!(company_key("Acme Pvt. Ltd."), "acme");
    assert_eq!(company_key("A.B. Dick"), "abdick", "initials that are the name stay");
}

#[test]
fn places_reformatted_or_given_by_country_are_compatible() {
    let places = |list: &[&str]| Places::new(&list.iter().map(|place| place.to_string()).collect::<Vec<_>>());
    let compatible = |a: &[&str], b: &[&str]| places_compatible(&places(a), None, &places(b), None);
    assert!(compatible(&["Berlin, Germany"], &["BERLIN"]));
    assert!(compatible(&["Berlin, DE"], &["Berlin"]));
    assert!(compatible(&["United States"], &["USA"]));
    assert!(compatible(&["United States"], &["New York, NY"]));
    assert!(compatible(&["Remote - US"], &["United States"]));
    assert!(compatible(&["Remote"], &["Lisbon"]), "no place at all matches any");
    assert!(!compatible(&["New York, NY"], &["Chicago, IL"]));
    assert!(!compatible(&["London"], &["Manchester"]), "two cities of one country are two places");
    assert!(!compatible(&["Germany"], &["Paris"]));
}

#[test]
fn tracking_is_stripped_from_links() {
    assert_eq!(
        canonical_url("https://www.Example.com/jobs/123/apply/?utm_source=x&gh_src=abc&lang=en").as_deref(),
        Some("example.com/jobs/123?lang=en")
    );
    assert_eq!(
        canonical_url("https://jobs.lever.co/spotify/2193db3f/apply?lever-source=LinkedIn").as_deref(),
        Some("jobs.lever.co/spotify/2193db3f")
    );
    assert!(!is_specific("modash.io"));
    assert!(is_specific("jobs.lever.co/spotify/2193db3f"));
}

/// SimHash as first written (and stored since): every later version must agree with it.
fn simhash_as_stored(text: &str) -> Option<u64> {
    let words: Vec<String> =
        text.split(|c: char| !c.is_alphanumeric()).filter(|word| !word.is_empty()).map(str::to_lowercase).collect();
    if words.len() < 25 {
        return None;
    }
    let mut weights = [0i32; 64];
    for shingle in words.windows(3) {
        let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
        for byte in shingle.iter().flat_map(|word| word.bytes().chain([b' '])) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
        hash ^= hash >> 33;
        hash = hash.wrapping_mul(0xff51_afd7_ed55_8ccd);
        hash ^= hash >> 33;
        for (bit, weight) in weights.iter_mut().enumerate() {
            *weight += if hash >> bit & 1 == 1 { 1 } else { -1 };
        }
    }
    Some(weights.iter().enumerate().fold(0u64, |acc, (bit, weight)| if *weight > 0 { acc | 1 << bit } else { acc }))
}

#[test]
fn simhash_is_the_hash_stored_before() {
    let fixtures = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../assets/recorded");
    let mut texts: Vec<String> = vec![
        "Ünïcode ÉCOLE straße İstanbul ΣΊΣΥΦΟΣ naïve café one two three four five six seven eight nine ten".into(),
        "UPPER lower MiXeD 123 4th x86_64 C++ C# .NET Node.js k8s and more words to make it long enough".into(),
    ];
    for entry in std::fs::read_dir(&fixtures).unwrap() {
        let body = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        texts.extend(body.split("\\n").map(str::to_string));
        texts.push(body);
    }
    let compared = texts.iter().filter(|text| simhash_as_stored(text).is_some()).count();
    assert!(compared > 40, "{compared} texts long enough to hash");
    for text in &texts {
        assert_eq!(simhash(text), simhash_as_stored(text), "{text}");
    }
}

#[test]
fn simhash_tells_near_copies_from_other_texts() {
    let base = "We are looking for a senior engineer to build our payments platform. You will design APIs, \
                own services end to end, mentor others and work closely with product and design on a small team.";
    let edited = format!("{base} Apply today.");
    let other = "Join our marketing team to run campaigns across channels, write copy, analyse results and \
                 report to the head of growth on acquisition, retention and brand awareness every single week.";
    let distance = |a: &str, b: &str| (simhash(a).unwrap_or(0) ^ simhash(b).unwrap_or(0)).count_ones();
    assert!(distance(base, &edited) <= SAME_COMPANY_DISTANCE, "{}", distance(base, &edited));
    assert!(distance(base, other) > SAME_COMPANY_DISTANCE, "{}", distance(base, other));
    assert_eq!(simhash("too short"), None);
}

const FULL: &str = "Acme builds the payments platform small businesses run on. As a backend engineer you will \
    design APIs, own services end to end and mentor others. You will work with product and design on a small \
    team that ships every week. We use Rust, PostgreSQL and Kafka on AWS. You have five years of experience \
    building production systems and care about testing and observability. We offer a learning budget, \
    flexible hours and thirty days of paid holiday. We are an equal opportunity employer.";

#[test]
fn a_copy_cut_short_rewrapped_or_wrapped_in_boilerplate_is_the_same_text() {
    let full = job("Backend Engineer", "Acme", &["Berlin"], FULL);
    let cut: String = FULL.chars().take(220).collect();
    for copy in [
        format!("{cut}…"),
        format!("Apply on company site\n\n{cut}..."),
        FULL.replace(". ", ".\n\n• "),
        format!("About the job {cut} Jobs by Jooble"),
    ] {
        let aggregator = job("BACKEND ENGINEER", "ACME GmbH ", &["Berlin, Germany"], &copy);
        assert!(is_duplicate(&full, &aggregator), "{copy}");
        let agency = job("Backend Engineer", "Hays", &["Berlin"], &copy);
        assert!(is_duplicate(&full, &agency), "an agency's copy of the opening: {copy}");
    }
}

#[test]
fn the_hard_negatives_stay_apart() {
    let full = job("Backend Engineer", "Acme", &["Berlin"], FULL);
    // The same template for another city.
    assert!(!is_duplicate(&full, &job("Backend Engineer", "Acme", &["Munich"], FULL)));
    // Another level.
    assert!(!is_duplicate(&full, &job("Senior Backend Engineer", "Acme", &["Berlin"], FULL)));
    // Another team's title on the same template.
    let payments = job("Backend Engineer, Payments", "Acme", &["Berlin"], FULL);
    assert!(!is_duplicate(&payments, &job("Backend Engineer, Growth", "Acme", &["Berlin"], FULL)));
    // The company's standard intro, then another job: the shared opening is a small part.
    let intro: String = FULL.chars().take(120).collect();
    let other = format!(
        "{intro} This role is about our marketing: you will run campaigns across channels, write copy, \
         analyse results and report to the head of growth on acquisition, retention and brand awareness."
    );
    assert!(!is_duplicate(&full, &job("Backend Engineer", "Hays", &["Berlin"], &other)));
    // An agency's text that is the second half of the job's.
    let second_half: String = FULL.chars().skip(FULL.len() / 2).collect();
    assert!(!is_duplicate(&full, &job("Backend Engineer", "Hays", &["Berlin"], &second_half)));
}
