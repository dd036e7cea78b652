//! Unit tests of the ranking factors and their explanations.

use chrono::TimeZone;

use super::*;

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 23, 12, 0, 0).single().unwrap_or_default()
}

fn profile() -> Profile {
    Profile {
        keywords: vec!["rust".into(), "backend".into()],
        excluded_keywords: vec!["clearance".into()],
        locations: vec!["Berlin".into(), "DE".into()],
        remote: RemotePreference::RemoteOrHybrid,
        salary_floor: Some(70_000.0),
        salary_currency: Some("EUR".into()),
        seniority: vec![Seniority::Senior],
        employment_types: vec![EmploymentType::FullTime],
        skills: vec!["Rust".into(), "PostgreSQL".into(), "Kubernetes".into()],
        liked_companies: vec!["Acme GmbH".into()],
        blocked_companies: vec!["Evil Corp".into()],
        weights: Weights::default(),
    }
}

fn job<'a>(skills: &'a [String], locations: &'a [String], countries: &'a [String]) -> JobFacts<'a> {
    JobFacts {
        title: "Senior Rust Backend Engineer",
        company: "Acme",
        description_text: "Build backend services in Rust on PostgreSQL.",
        skills,
        locations,
        countries,
        remote: Some(WorkMode::Hybrid),
        yearly_salary: Some((Some(75_000.0), Some(90_000.0))),
        salary_currency: Some("EUR"),
        seniority: Some(Seniority::Senior),
        employment_type: Some(EmploymentType::FullTime),
        posted_at: Some(now() - chrono::Duration::days(2)),
    }
}

#[test]
fn a_good_match_scores_high_and_explains_every_factor() {
    let skills = vec!["Rust".to_string(), "PostgreSQL".to_string()];
    let locations = vec!["Berlin".to_string()];
    let countries = vec!["DE".to_string()];
    let idf = Idf::default();
    let resume = idf.vector("Rust engineer, backend services, PostgreSQL, Kubernetes");
    let ranked = rank(&profile(), &job(&skills, &locations, &countries), Some(&resume), &idf, now());
    assert!(ranked.score >= 80, "{ranked:#?}");
    assert_eq!(ranked.factors.len(), 9);
    let evidence =
        |name: &str| ranked.factors.iter().find(|f| f.name == name).map(|f| f.evidence.clone()).unwrap_or_default();
    assert_eq!(evidence("keywords"), "title: rust, backend; text: -");
    assert_eq!(evidence("skills"), "2 of 3 skills: Rust, PostgreSQL");
    assert_eq!(evidence("salary"), "EUR 75000-90000 a year at or above your floor of 70000");
    assert_eq!(evidence("location"), "hybrid in Berlin");
    assert_eq!(evidence("company"), "a company you like", "company names compare without suffixes");
    let total: f64 = ranked.factors.iter().map(|f| f.points).sum();
    assert!((total - f64::from(ranked.score)).abs() <= 1.0, "points add up to the score");
}

#[test]
fn hard_filters_drop_a_job_with_the_reason() {
    let none: Vec<String> = Vec::new();
    let mut facts = job(&none, &none, &none);
    facts.description_text = "Requires security clearance.";
    let ranked = rank(&profile(), &facts, None, &Idf::default(), now());
    assert_eq!((ranked.score, ranked.filtered.as_deref()), (0, Some("mentions the excluded word \"clearance\"")));
    let mut facts = job(&none, &none, &none);
    facts.company = "Evil Corp, Inc.";
    assert_eq!(
        rank(&profile(), &facts, None, &Idf::default(), now()).filtered.as_deref(),
        Some("Evil Corp, Inc. is on your blocked list")
    );
    let remote_only = Profile { remote: RemotePreference::RemoteOnly, ..profile() };
    assert_eq!(
        rank(&remote_only, &job(&none, &none, &none), None, &Idf::default(), now()).filtered.as_deref(),
        Some("not remote (hybrid)")
    );
}

#[test]
fn pay_below_the_floor_says_so_and_costs_points() {
    let none: Vec<String> = Vec::new();
    let mut facts = job(&none, &none, &none);
    facts.yearly_salary = Some((Some(40_000.0), Some(50_000.0)));
    let low = rank(&profile(), &facts, None, &Idf::default(), now());
    let salary = low
        .factors
        .iter()
        .find(|f| f.name == "salary")
        .cloned()
        .unwrap_or_else(|| factor("salary", 0.0, String::new()));
    assert_eq!(salary.evidence, "EUR 40000-50000 a year below your floor of 70000");
    let fair = rank(&profile(), &job(&none, &none, &none), None, &Idf::default(), now());
    assert!(fair.score > low.score);
}

#[test]
fn feedback_moves_weights_towards_what_the_user_liked() {
    let skills = vec!["Rust".to_string(), "PostgreSQL".to_string(), "Kubernetes".to_string()];
    let none: Vec<String> = Vec::new();
    let mut facts = job(&skills, &none, &none);
    facts.yearly_salary = Some((Some(30_000.0), Some(35_000.0)));
    let ranked = rank(&profile(), &facts, None, &Idf::default(), now());
    let before = profile().weights;
    let after = learn(&before, &ranked, Feedback::Like);
    assert!(after.skills > before.skills, "a liked job strong on skills raises the skills weight");
    assert!(after.salary < before.salary, "and its poor pay lowers the salary weight");
    let disliked = learn(&before, &ranked, Feedback::Hide);
    assert!(disliked.skills < before.skills);
    assert_eq!(Weights::default(), before, "reset means the defaults");
}

#[test]
fn resume_similarity_ranks_the_closer_job_higher() {
    let corpus = ["Rust backend services PostgreSQL", "Marketing campaigns brand social media", "Sales quota pipeline"];
    let idf = Idf::from_documents(corpus);
    let resume = idf.vector("Backend engineer writing Rust services on PostgreSQL and Kafka");
    let near = idf.vector(corpus[0]);
    let far = idf.vector(corpus[1]);
    assert!(cosine_similarity(&resume, &near) > cosine_similarity(&resume, &far));
    assert_eq!(cosine_similarity(&resume, &far), 0.0);
}

#[test]
fn stored_explanations_read_back_in_both_forms() {
    let skills = vec!["Rust".to_string()];
    let none: Vec<String> = Vec::new();
    let ranked = rank(&profile(), &job(&skills, &none, &none), None, &Idf::default(), now());
    let compact = ranked.to_stored_json().unwrap();
    let named = serde_json::to_string(&ranked).unwrap();
    assert!(compact.len() * 10 < named.len() * 7, "the stored form is much smaller: {compact}");
    assert_eq!(serde_json::from_str::<Ranked>(&compact).unwrap(), ranked);
    // Rows stored before the compact form keep reading.
    assert_eq!(serde_json::from_str::<Ranked>(&named).unwrap(), ranked);
    let dropped =
        rank(&profile(), &JobFacts { company: "Evil Corp", ..JobFacts::default() }, None, &Idf::default(), now());
    assert_eq!(serde_json::from_str::<Ranked>(&dropped.to_stored_json().unwrap()).unwrap(), dropped);
    assert!(dropped.filtered.is_some());
}
