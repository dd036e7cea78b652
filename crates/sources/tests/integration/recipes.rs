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
    assert_eq!(recipe.title, "h5.card-title.mb-3.mt-0");
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
