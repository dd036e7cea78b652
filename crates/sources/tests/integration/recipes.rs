//! Recipes on the recorded custom careers pages (assets/recorded/custom-*, copied verbatim from
//! ../shared/fixtures/ats/custom-html: each a site's own committed page). The built-in finder must
//! find exactly the jobs a person sees there, and a page that says it is not hiring gives none.

use crate::common::fixture;
use jobhound_sources::recipe::{Recipe, Refusal, find, says_not_hiring, validate};
use url::Url;

fn page(file: &str) -> String {
    String::from_utf8(fixture(file)).unwrap()
}

fn titles_and_links(recipe: &Recipe, html: &str, at: &Url) -> Vec<(String, String)> {
    validate(recipe, html, at)
        .unwrap()
        .into_iter()
        .map(|item| (item.title.unwrap_or_default(), item.link.unwrap_or_default()))
        .collect()
}

#[test]
fn the_finder_reads_ctcues_job_cards_without_its_about_block() {
    let at = Url::parse("https://www.ctcue.com/jobs/").unwrap();
    let html = page("custom-ctcue-jobs-2018-11-28.html");
    let recipe = find(&html, &at).unwrap();
    assert_eq!(recipe.item, "div.job:has(a[href])", "the 'Over CTcue' block has no link");
    assert_eq!(recipe.title, "h2");
    assert_eq!(
        titles_and_links(&recipe, &html, &at),
        [
            ("Machine learning engineer", "https://www.ctcue.com/jobs/machine-learning-engineer/"),
            ("ETL ontwikkelaar / BI specialist", "https://www.ctcue.com/jobs/etl-ontwikkelaar/"),
            ("Health Informatics Consultant", "https://www.ctcue.com/jobs/health-informatics-consultant/"),
            ("Software developer", "https://www.ctcue.com/jobs/software-developer"),
            ("Interns", "https://www.ctcue.com/contact"),
        ]
        .map(|(title, link)| (title.to_string(), link.to_string()))
    );
    // Fifteen months later the same recipe still reads the page.
    let later = page("custom-ctcue-jobs-2020-02-27.html");
    let titles: Vec<String> = titles_and_links(&recipe, &later, &at).into_iter().map(|(title, _)| title).collect();
    assert_eq!(titles.len(), 3, "{titles:?}");
    assert_eq!(titles.last().map(String::as_str), Some("Interns"));
}

#[test]
fn the_finder_reads_2i2cs_cards_with_their_pay_one_card_or_three() {
    let at = Url::parse("https://2i2c.org/jobs/").unwrap();
    let one = page("custom-2i2c-jobs-2022-03-22.html");
    let recipe = find(&one, &at).unwrap();
    assert_eq!(recipe.title, "h5.card-title", "one class: layout classes change with a redesign");
    assert_eq!(recipe.salary.as_deref(), Some("p.extra-info"));
    let items = validate(&recipe, &one, &at).unwrap();
    assert_eq!(items.len(), 1);
    assert_eq!(items[0].title.as_deref(), Some("Product and Community Lead"));
    assert_eq!(items[0].link.as_deref(), Some("https://2i2c.org/jobs/2022/product-community-lead/"));
    assert_eq!(items[0].salary.as_deref(), Some("Salary: $120,000 - $130,000 Fully remote"));

    let three = page("custom-2i2c-jobs-2023-10-31.html");
    let recipe = find(&three, &at).unwrap();
    let items = validate(&recipe, &three, &at).unwrap();
    let titles: Vec<&str> = items.iter().filter_map(|item| item.title.as_deref()).collect();
    assert_eq!(titles.len(), 3, "{titles:?}");
    assert_eq!(titles[..2], ["Product Operations Lead", "Delivery Manager / Chief of Staff"]);
    assert_eq!(items[0].salary.as_deref(), Some("Salary: $95,000-125,000 Fully remote"));
    assert_eq!(items[1].salary.as_deref(), Some("Salary: $85,000 - $107,000 Fully remote"));
}

#[test]
fn a_page_that_is_not_hiring_is_an_empty_board_not_a_broken_recipe() {
    let at = Url::parse("https://2i2c.org/jobs/").unwrap();
    let empty = page("custom-2i2c-jobs-2026-06-29.html");
    assert!(says_not_hiring(&empty));
    for listing in
        ["custom-2i2c-jobs-2022-03-22.html", "custom-2i2c-jobs-2023-10-31.html", "custom-ctcue-jobs-2018-11-28.html"]
    {
        assert!(!says_not_hiring(&page(listing)), "{listing}");
    }
    // The recipe that read the cards in 2023 finds none now, and that is no failure.
    let recipe = find(&page("custom-2i2c-jobs-2023-10-31.html"), &at).unwrap();
    assert_eq!(validate(&recipe, &empty, &at), Ok(Vec::new()));
    // A page that lists jobs but where a recipe finds none is a failure.
    assert_eq!(validate(&recipe, &page("custom-ctcue-jobs-2018-11-28.html"), &at), Err(Refusal::NoItems));
}

#[test]
fn recipes_are_read_strictly_and_refused_with_their_reason() {
    let at = Url::parse("https://www.ctcue.com/jobs/").unwrap();
    let html = page("custom-ctcue-jobs-2018-11-28.html");
    assert!(Recipe::from_json(r#"{"item": "div.job", "title": "h2", "link": "a"}"#).is_err(), "every field is named");
    assert!(
        Recipe::from_json(
            r#"{"item": "div[", "title": "h2", "link": "a", "location": null, "posted": null, "salary": null}"#
        )
        .is_err()
    );
    assert!(
        Recipe::from_json(r#"{"item": "div", "title": "h2", "link": "a", "location": null, "posted": null, "salary": null, "script": "x"}"#)
            .is_err(),
        "nothing beyond the recipe"
    );
    let recipe = |item: &str, title: &str, link: &str| Recipe {
        item: item.into(),
        title: title.into(),
        link: link.into(),
        location: None,
        posted: None,
        salary: None,
    };
    // Every div.job, the 'Over CTcue' block included: it has no link.
    assert_eq!(validate(&recipe("div.job", "h2, h3", "a"), &html, &at), Err(Refusal::MissingLink(1)));
    assert_eq!(validate(&recipe("div.job:has(a)", "h4", "a"), &html, &at), Err(Refusal::MissingTitle(1)));
    // The newsletter's form posts to another site: its links are not this site's jobs.
    let off_site = validate(&recipe("footer", "h1", "form, a[href*='mailchimp'], a[href^='http']"), &html, &at);
    assert!(matches!(off_site, Err(Refusal::LinkOffSite { .. }) | Err(Refusal::MissingLink(_))), "{off_site:?}");
    // The navigation's own links are not jobs.
    let nav = r#"<html><body><nav><ul><li><a href="/about">About</a></li><li><a href="/team">Team</a></li></ul></nav></body></html>"#;
    assert_eq!(validate(&recipe("nav li", "a", "a"), nav, &at), Err(Refusal::Navigation));
}

mod fetching {
    use jobhound_sources::recipe::{Recipe, find};
    use jobhound_sources::{
        Credentials, Endpoints, FetchContext, FetchLimits, FetchOutcome, SourceErrorKind, SourceKind,
    };
    use serde_json::json;
    use url::Url;
    use wiremock::matchers::path;
    use wiremock::{Mock, MockServer, ResponseTemplate};

    use super::page;
    use crate::common::client;

    /// A site serving `file` as its careers page at /jobs/, and a JSON-LD job page for the first
    /// CTcue job (made up for the test, not a recording).
    async fn site(file: &str) -> MockServer {
        let server = MockServer::start().await;
        Mock::given(path("/jobs/"))
            .respond_with(
                ResponseTemplate::new(200).set_body_string(page(file)).insert_header("content-type", "text/html"),
            )
            .mount(&server)
            .await;
        let posting = json!({"@context": "https://schema.org", "@type": "JobPosting", "title": "Machine learning engineer",
            "description": "<p>Expand the intelligence behind CTcue.</p>", "datePosted": "2018-11-20"});
        Mock::given(path("/jobs/machine-learning-engineer/"))
            .respond_with(ResponseTemplate::new(200).set_body_string(format!(
                "<html><head><script type=\"application/ld+json\">{posting}</script></head><body>x</body></html>"
            )))
            .mount(&server)
            .await;
        server
    }

    async fn fetch_page(
        server: &MockServer,
        stored: Option<&Recipe>,
    ) -> Result<FetchOutcome, jobhound_sources::SourceError> {
        let http = client();
        let context = FetchContext {
            http: &http,
            endpoints: &Endpoints::default(),
            credentials: &Credentials::default(),
            limits: FetchLimits::default(),
            known_ids: None,
            recipe: stored,
            campaign_words: &[],
        };
        jobhound_sources::fetch(SourceKind::Page, context, &format!("{}/jobs/", server.uri())).await
    }

    #[tokio::test]
    async fn a_careers_page_gets_a_recipe_its_jobs_and_each_jobs_own_page() {
        let server = site("custom-ctcue-jobs-2018-11-28.html").await;
        let outcome = fetch_page(&server, None).await.unwrap();
        let titles: Vec<&str> = outcome.postings.iter().filter_map(|posting| posting.title.as_deref()).collect();
        assert_eq!(titles.len(), 5, "{titles:?}");
        let update = outcome.recipe.clone().expect("a first recipe to keep");
        assert!(!update.healed);
        assert_eq!(update.recipe.item, "div.job:has(a[href])");
        let learning = outcome
            .postings
            .iter()
            .find(|posting| posting.title.as_deref() == Some("Machine learning engineer"))
            .unwrap();
        assert_eq!(
            learning.description_html.as_deref(),
            Some("<p>Expand the intelligence behind CTcue.</p>"),
            "JSON-LD preferred"
        );
        assert_eq!(learning.source_id, format!("{}/jobs/machine-learning-engineer/", server.uri()));
        // The job pages the site does not serve are one warning, not a failed fetch.
        assert!(outcome.warnings.iter().any(|warning| warning.contains("descriptions")), "{:?}", outcome.warnings);

        // The stored recipe still reads the page: nothing new to keep.
        let again = fetch_page(&server, Some(&update.recipe)).await.unwrap();
        assert_eq!((again.postings.len(), again.recipe.clone()), (5, None));
    }

    #[tokio::test]
    async fn a_recipe_that_stops_reading_the_page_is_renewed_and_said_so() {
        let server = site("custom-ctcue-jobs-2018-11-28.html").await;
        let at = Url::parse("https://2i2c.org/jobs/").unwrap();
        let old_layout = find(&page("custom-2i2c-jobs-2023-10-31.html"), &at).unwrap();
        let outcome = fetch_page(&server, Some(&old_layout)).await.unwrap();
        assert_eq!(outcome.postings.len(), 5);
        let update = outcome.recipe.clone().unwrap();
        assert!(update.healed);
        assert!(
            outcome.warnings.iter().any(|warning| warning.starts_with("layout changed; recipe renewed on ")),
            "{:?}",
            outcome.warnings
        );
    }

    #[tokio::test]
    async fn a_page_no_recipe_reads_fails_with_the_reason_and_one_not_hiring_is_empty() {
        let server = MockServer::start().await;
        Mock::given(path("/jobs/"))
            .respond_with(
                ResponseTemplate::new(200).set_body_string("<html><body><h1>Jobs</h1><p>Soon.</p></body></html>"),
            )
            .mount(&server)
            .await;
        let error = fetch_page(&server, None).await.unwrap_err();
        assert_eq!(error.kind(), SourceErrorKind::Parse);
        assert!(error.to_string().contains("finds no job on the page"), "{error}");

        let hiring_pause = site("custom-2i2c-jobs-2026-06-29.html").await;
        let at = Url::parse("https://2i2c.org/jobs/").unwrap();
        let stored = find(&page("custom-2i2c-jobs-2023-10-31.html"), &at).unwrap();
        for recipe in [None, Some(&stored)] {
            let outcome = fetch_page(&hiring_pause, recipe).await.unwrap();
            assert!(outcome.postings.is_empty() && outcome.recipe.is_none(), "a healthy empty board");
        }
    }
}
