//! Whether a recipe reads a page as a person reads it: at least one item, each with a title and a
//! link on the page's own site (or a known ATS), titles that are not the page's navigation. A page
//! that says it is not hiring is a healthy empty board, not a broken recipe.

use scraper::{Html, Selector};
use url::Url;

use super::{Recipe, RecipeItem, text_of};
use crate::{SourceCategory, detect};

/// Why a recipe is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Refusal {
    #[error("the recipe is not usable: {0}")]
    Invalid(String),
    #[error("the recipe finds no job on the page, and the page does not say it is not hiring")]
    NoItems,
    #[error("item {0} has no title")]
    MissingTitle(usize),
    #[error("item {0} has no link")]
    MissingLink(usize),
    #[error("item {item} links off the site, to {host}")]
    LinkOffSite { item: usize, host: String },
    #[error("the titles it finds are the page's navigation, not jobs")]
    Navigation,
}

/// Phrases of a page that lists no job on purpose.
const NOT_HIRING: &[&str] = &[
    "not currently hiring",
    "no open positions",
    "no current openings",
    "no openings at the moment",
    "no vacancies",
    "no open roles",
    "we are not hiring",
    "we're not hiring",
    "keine offenen stellen",
    "geen vacatures",
    "aucune offre",
];

/// Whether the page says it has no openings.
pub fn says_not_hiring(html: &str) -> bool {
    let document = Html::parse_document(html);
    let text = document.root_element().text().collect::<String>().to_lowercase().replace('’', "'");
    NOT_HIRING.iter().any(|phrase| text.contains(phrase))
}

/// The items `recipe` reads on `html` (served at `page`), when it reads the page rightly.
pub fn validate(recipe: &Recipe, html: &str, page: &Url) -> Result<Vec<RecipeItem>, Refusal> {
    let items = recipe.apply(html, page).map_err(|error| Refusal::Invalid(error.to_string()))?;
    if items.is_empty() {
        return if says_not_hiring(html) { Ok(items) } else { Err(Refusal::NoItems) };
    }
    // A page served from a mirror or cache names its own address; links there are its site's too.
    let canonical = canonical_address(html, page);
    for (index, item) in items.iter().enumerate() {
        let number = index + 1;
        if item.title.is_none() {
            return Err(Refusal::MissingTitle(number));
        }
        let link = item.link.as_deref().and_then(|link| Url::parse(link).ok()).ok_or(Refusal::MissingLink(number))?;
        let on_site = same_site(&link, page) || canonical.as_ref().is_some_and(|canonical| same_site(&link, canonical));
        if !on_site && !is_known_board(&link) {
            return Err(Refusal::LinkOffSite { item: number, host: link.host_str().unwrap_or_default().to_string() });
        }
    }
    let navigation = navigation_texts(html);
    let in_navigation = items
        .iter()
        .filter(|item| item.title.as_ref().is_some_and(|title| navigation.contains(&title.to_lowercase())))
        .count();
    if in_navigation * 2 > items.len() {
        return Err(Refusal::Navigation);
    }
    Ok(items)
}

/// The same host, or hosts that share their last two labels (`www.acme.com`, `jobs.acme.com`).
fn same_site(link: &Url, page: &Url) -> bool {
    let site = |url: &Url| {
        let host = url.host_str().unwrap_or_default().trim_start_matches("www.").to_ascii_lowercase();
        let labels: Vec<&str> = host.rsplitn(3, '.').collect();
        if labels.len() >= 2 && host.parse::<std::net::IpAddr>().is_err() {
            format!("{}.{}", labels[1], labels[0])
        } else {
            host
        }
    };
    site(link) == site(page) && link.port_or_known_default() == page.port_or_known_default()
}

/// The address the page declares as its own (`<link rel="canonical">`).
fn canonical_address(html: &str, page: &Url) -> Option<Url> {
    let document = Html::parse_document(html);
    let selector = Selector::parse("link[rel=canonical][href]").ok()?;
    let href = document.select(&selector).next()?.value().attr("href")?;
    page.join(href.trim()).ok().filter(|url| matches!(url.scheme(), "http" | "https"))
}

fn is_known_board(link: &Url) -> bool {
    detect(link.as_str()).is_ok_and(|(kind, _)| kind.info().category == SourceCategory::Ats)
}

/// The texts of the page's navigation links, lower-cased.
fn navigation_texts(html: &str) -> std::collections::HashSet<String> {
    let document = Html::parse_document(html);
    let Ok(links) = Selector::parse("nav a, header a, footer a, [role=navigation] a") else {
        return Default::default();
    };
    document.select(&links).filter_map(text_of).map(|text| text.to_lowercase()).collect()
}
