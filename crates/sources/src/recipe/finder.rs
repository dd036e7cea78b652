//! The built-in recipe finder, for when no language model is configured: it looks for the page's
//! repeated job cards (sibling blocks of one shape, each holding a link and a title that reads like
//! a job) and writes the selectors that read them.

use std::collections::{BTreeMap, HashSet};

use ego_tree::NodeId;
use scraper::{ElementRef, Html, Selector};
use url::Url;

use super::validate::{Refusal, validate};
use super::{Recipe, text_of};

/// Words of job titles (and of the texts of job cards' links), in the languages of the recorded
/// pages and the ones job seekers paste most.
const JOB_WORDS: &[&str] = &[
    "engineer",
    "developer",
    "manager",
    "designer",
    "lead",
    "intern",
    "specialist",
    "consultant",
    "analyst",
    "scientist",
    "officer",
    "director",
    "assistant",
    "coordinator",
    "head of",
    "architect",
    "administrator",
    "executive",
    "representative",
    "technician",
    "accountant",
    "researcher",
    "writer",
    "operator",
    "associate",
    "ontwikkelaar",
    "medewerker",
    "entwickler",
    "werkstudent",
    "praktikant",
    "stagiair",
    "ingénieur",
    "développeur",
];
/// Link texts that lead from a card to its job.
const CARD_LINKS: &[&str] = &[
    "apply",
    "more information",
    "more info",
    "learn more",
    "details",
    "view job",
    "view role",
    "read more",
    "meer informatie",
    "bekijk vacature",
    "mehr erfahren",
    "zur stelle",
    "en savoir plus",
    "postuler",
];
/// Words of the class names of job lists.
const LIST_WORDS: &[&str] =
    &["job", "career", "position", "vacanc", "opening", "role", "posting", "stellen", "vacature"];

/// A recipe for the page's job list, validated on the page; or why none could be found.
pub fn find(html: &str, page: &Url) -> Result<Recipe, Refusal> {
    let document = Html::parse_document(html);
    let cards = cards(&document, page);
    let mut groups: BTreeMap<(NodeId, String), Vec<Card<'_>>> = BTreeMap::new();
    for card in cards {
        let Some(parent) = card.element.parent().and_then(ElementRef::wrap) else { continue };
        groups.entry((parent.id(), signature(card.element))).or_default().push(card);
    }
    let mut ranked: Vec<(i64, Vec<Card<'_>>)> =
        groups.into_values().filter_map(|group| score(&group).map(|points| (points, group))).collect();
    ranked.sort_by_key(|(points, group)| std::cmp::Reverse((*points, group.len())));
    let mut last = Refusal::NoItems;
    for (_, group) in ranked.into_iter().take(3) {
        match recipe_for(&document, &group).map(|recipe| (validate(&recipe, html, page), recipe)) {
            Some((Ok(items), recipe)) if !items.is_empty() => return Ok(recipe),
            Some((Err(refusal), _)) => last = refusal,
            _ => {}
        }
    }
    Err(last)
}

/// A block holding one job's link, and the link.
#[derive(Clone, Copy)]
struct Card<'a> {
    element: ElementRef<'a>,
    link: ElementRef<'a>,
}

/// Links that may lead to a job: on the page's site or a known board, outside the page's navigation.
fn job_links<'a>(document: &'a Html, page: &Url) -> Vec<(ElementRef<'a>, String)> {
    let Ok(links) = Selector::parse("a[href]") else { return Vec::new() };
    document
        .select(&links)
        .filter(|link| !in_navigation(*link))
        .filter_map(|link| {
            let href = link.value().attr("href")?.trim();
            let target = page.join(href).ok()?;
            let same_page = target.path() == page.path() && target.fragment().is_some();
            (matches!(target.scheme(), "http" | "https") && !same_page).then(|| (link, target.to_string()))
        })
        .collect()
}

fn in_navigation(element: ElementRef<'_>) -> bool {
    element.ancestors().filter_map(ElementRef::wrap).any(|ancestor| {
        matches!(ancestor.value().name(), "nav" | "header" | "footer" | "form")
            || ancestor.value().attr("role") == Some("navigation")
    })
}

fn has_heading(element: ElementRef<'_>) -> bool {
    element.descendants().filter_map(ElementRef::wrap).any(|child| is_heading(child))
}

fn is_heading(element: ElementRef<'_>) -> bool {
    matches!(element.value().name(), "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
}

/// Each link's card: the lowest block around it that holds a heading, or failing that the
/// largest that holds no other link target.
fn cards<'a>(document: &'a Html, page: &Url) -> Vec<Card<'a>> {
    let links = job_links(document, page);
    let target_of: BTreeMap<NodeId, String> = links.iter().map(|(link, target)| (link.id(), target.clone())).collect();
    let targets_in = |element: ElementRef<'_>| -> HashSet<&String> {
        element.descendants().filter_map(|node| target_of.get(&node.id())).collect()
    };
    let mut found: Vec<Card<'a>> = Vec::new();
    for (link, _) in &links {
        let mut card = None;
        for ancestor in link.ancestors().filter_map(ElementRef::wrap) {
            if matches!(ancestor.value().name(), "body" | "html" | "main") || targets_in(ancestor).len() > 1 {
                break;
            }
            card = Some(ancestor);
            if has_heading(ancestor) {
                break;
            }
        }
        if let Some(element) = card
            && !found.iter().any(|known| known.element.id() == element.id())
        {
            found.push(Card { element, link: *link });
        }
    }
    found
}

/// An element's tag and usable classes, as a CSS compound selector.
fn signature(element: ElementRef<'_>) -> String {
    let mut selector = element.value().name().to_string();
    for class in element.value().classes().filter(|class| is_plain_identifier(class)) {
        selector.push('.');
        selector.push_str(class);
    }
    selector
}

/// Selectors for `element` from the most lasting to the most specific: its tag with one class
/// (first to last), its tag alone, then its tag with every class.
fn shorter_first(element: ElementRef<'_>) -> Vec<String> {
    let tag = element.value().name();
    let classes: Vec<&str> = element.value().classes().filter(|class| is_plain_identifier(class)).collect();
    let mut options: Vec<String> = classes.iter().map(|class| format!("{tag}.{class}")).collect();
    options.push(tag.to_string());
    options.push(signature(element));
    options.dedup();
    options
}

/// A class usable in a selector as it is (utility classes such as `md:w-1/2` are left out).
fn is_plain_identifier(class: &str) -> bool {
    class.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
        && class.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

/// A card's title: its heading's text, or its link's.
fn title_of(card: &Card<'_>) -> Option<String> {
    card.element
        .descendants()
        .filter_map(ElementRef::wrap)
        .find(|child| is_heading(*child))
        .and_then(text_of)
        .or_else(|| text_of(card.link))
}

fn reads_like_a_job(text: &str) -> bool {
    let lower = text.to_lowercase();
    JOB_WORDS.iter().any(|word| lower.contains(word))
}

/// How much a group of sibling cards looks like a job list; `None` when it does not at all.
fn score(group: &[Card<'_>]) -> Option<i64> {
    let headed = group.iter().filter(|card| has_heading(card.element)).count() as i64;
    let job_like = group
        .iter()
        .filter(|card| {
            title_of(card).is_some_and(|title| reads_like_a_job(&title))
                || text_of(card.link)
                    .is_some_and(|text| CARD_LINKS.iter().any(|phrase| text.to_lowercase().contains(phrase)))
        })
        .count() as i64;
    let named = |element: ElementRef<'_>| {
        let names = format!(
            "{} {}",
            element.value().attr("class").unwrap_or_default(),
            element.value().attr("id").unwrap_or_default()
        )
        .to_lowercase();
        LIST_WORDS.iter().any(|word| names.contains(word))
    };
    let listed = group
        .first()
        .is_some_and(|card| named(card.element) || card.element.parent().and_then(ElementRef::wrap).is_some_and(named));
    if job_like == 0 && !listed {
        return None;
    }
    let many = group.len() as i64;
    Some(headed * 2 + job_like * 3 + if listed { 4 } else { 0 } + if many > 1 { many } else { 0 })
}

/// The selectors that read exactly `group`'s cards and, in each, its title, link and pay.
fn recipe_for(document: &Html, group: &[Card<'_>]) -> Option<Recipe> {
    let first = group.first()?;
    let wanted: HashSet<NodeId> = group.iter().map(|card| card.element.id()).collect();
    let parent = first.element.parent().and_then(ElementRef::wrap);
    // The shortest selector that takes exactly the cards: one class survives a redesign of the
    // layout classes (`col-lg-11 mx-2`) that a selector naming all of them would not.
    let mut item_options: Vec<String> = Vec::new();
    for own in shorter_first(first.element) {
        item_options.push(own.clone());
        for above in parent.map(shorter_first).unwrap_or_default() {
            item_options.push(format!("{above} > {own}"));
        }
        item_options.push(format!("{own}:has(a[href])"));
    }
    let item = item_options.into_iter().find(|css| {
        Selector::parse(css).is_ok_and(|selector| {
            let matched: HashSet<NodeId> = document.select(&selector).map(|element| element.id()).collect();
            matched == wanted
        })
    })?;
    let within = |css: &str, check: &dyn Fn(ElementRef<'_>, &Card<'_>) -> bool| {
        Selector::parse(css).is_ok_and(|selector| {
            group.iter().all(|card| card.element.select(&selector).next().is_some_and(|found| check(found, card)))
        })
    };
    let heading = first.element.descendants().filter_map(ElementRef::wrap).find(|child| is_heading(*child));
    let link_options = shorter_first(first.link).into_iter().chain(["a[href]".to_string()]);
    let link = link_options.into_iter().find(|css| within(css, &|found, card| found.id() == card.link.id()))?;
    let title = heading
        .map(shorter_first)
        .unwrap_or_default()
        .into_iter()
        .find(|css| within(css, &|found, _| text_of(found).is_some()))
        .unwrap_or_else(|| link.clone());
    let salary = first
        .element
        .descendants()
        .filter_map(ElementRef::wrap)
        .filter(|element| !is_heading(*element) && element.id() != first.link.id())
        .find(|element| {
            element.children().any(|child| {
                child.value().as_text().is_some_and(|text| crate::salary_text::parse_salary_text(text).is_some())
            })
        })
        .and_then(|element| shorter_first(element).into_iter().find(|css| within(css, &|_, _| true)));
    Some(Recipe { item, title, link, location: None, posted: None, salary })
}
