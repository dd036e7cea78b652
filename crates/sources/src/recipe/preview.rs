//! What a recipe reads on a page, for the person editing it: the items, why the recipe would be
//! refused, and a snapshot of the page with each item and field marked.
//!
//! The snapshot is a tree of plain data, not HTML: tags from a short list of harmless ones, no
//! attribute of the page's (no `href`, `src`, `style` or handler), and text as text. The window
//! builds its elements from it, so nothing of the page runs or loads there.

use std::collections::HashMap;

use ego_tree::NodeId;
use scraper::{ElementRef, Html, Node};
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use url::Url;

use super::{Recipe, RecipeItem, validate};

/// What a recipe marks on the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum RecipeField {
    Item,
    Title,
    Link,
    Location,
    Posted,
    Salary,
}

/// One node of a page's snapshot.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(tag = "type", rename_all = "snake_case")]
#[ts(export)]
pub enum SnapshotNode {
    Text {
        text: String,
    },
    Element {
        /// One of [`SNAPSHOT_TAGS`].
        tag: String,
        /// What the recipe reads from this element.
        marks: Vec<RecipeField>,
        /// The element is the recipe's item with this number (from 1).
        item: Option<u32>,
        children: Vec<SnapshotNode>,
    },
}

/// A recipe tried on a page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct RecipePreview {
    pub items: Vec<RecipeItem>,
    /// Why the recipe would be refused; none when it reads the page rightly.
    pub problem: Option<String>,
    /// The page's body, marked.
    pub snapshot: Vec<SnapshotNode>,
    /// The page was longer than the snapshot keeps.
    pub truncated: bool,
}

/// Tags a snapshot keeps: the page's structure and text, nothing that loads, runs or submits.
pub const SNAPSHOT_TAGS: &[&str] = &[
    "a",
    "abbr",
    "address",
    "article",
    "aside",
    "b",
    "blockquote",
    "br",
    "caption",
    "cite",
    "code",
    "dd",
    "div",
    "dl",
    "dt",
    "em",
    "figcaption",
    "figure",
    "footer",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "i",
    "li",
    "main",
    "mark",
    "nav",
    "ol",
    "p",
    "pre",
    "s",
    "section",
    "small",
    "span",
    "strong",
    "sub",
    "sup",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "time",
    "tr",
    "u",
    "ul",
];

/// Elements left out with everything inside them: they load, run, or hold no text a person reads.
const DROPPED: &[&str] = &[
    "applet", "audio", "canvas", "embed", "head", "iframe", "img", "input", "link", "meta", "noscript", "object",
    "option", "picture", "script", "select", "source", "style", "svg", "math", "template", "textarea", "video",
];

/// Most nodes a snapshot holds; a page beyond it is cut (and says so).
const MAX_NODES: usize = 6_000;

/// Tries `recipe` on `html` (served at `page`).
pub fn preview(recipe: &Recipe, html: &str, page: &Url) -> RecipePreview {
    let document = Html::parse_document(html);
    let (items, marks, problem) = match recipe.selectors() {
        Ok(selectors) => {
            let mut marks: HashMap<NodeId, (Vec<RecipeField>, Option<u32>)> = HashMap::new();
            let mut items = Vec::new();
            for (number, item) in (1..).zip(document.select(&selectors.item)) {
                items.push(selectors.read(item, page));
                let entry = marks.entry(item.id()).or_default();
                entry.0.push(RecipeField::Item);
                entry.1 = Some(number);
                let fields = [
                    (RecipeField::Title, Some(&selectors.title)),
                    (RecipeField::Location, selectors.location.as_ref()),
                    (RecipeField::Posted, selectors.posted.as_ref()),
                    (RecipeField::Salary, selectors.salary.as_ref()),
                ];
                for (field, selector) in fields {
                    if let Some(found) = selector.and_then(|selector| item.select(selector).next()) {
                        marks.entry(found.id()).or_default().0.push(field);
                    }
                }
                if let Some(link) = item.select(&selectors.link).find(|element| element.value().attr("href").is_some())
                {
                    marks.entry(link.id()).or_default().0.push(RecipeField::Link);
                }
            }
            let problem = validate(recipe, html, page).err().map(|refusal| refusal.to_string());
            (items, marks, problem)
        }
        Err(error) => (Vec::new(), HashMap::new(), Some(error.to_string())),
    };
    let mut budget = MAX_NODES;
    let body = body_of(&document);
    let snapshot = children_of(body, &marks, &mut budget);
    RecipePreview { items, problem, snapshot, truncated: budget == 0 }
}

fn body_of(document: &Html) -> ElementRef<'_> {
    document
        .root_element()
        .children()
        .filter_map(ElementRef::wrap)
        .find(|element| element.value().name() == "body")
        .unwrap_or_else(|| document.root_element())
}

type Marks = HashMap<NodeId, (Vec<RecipeField>, Option<u32>)>;

fn children_of(element: ElementRef<'_>, marks: &Marks, budget: &mut usize) -> Vec<SnapshotNode> {
    let mut out = Vec::new();
    for child in element.children() {
        if *budget == 0 {
            break;
        }
        match child.value() {
            Node::Text(text) => {
                let collapsed = collapse(text);
                if !collapsed.trim().is_empty() {
                    *budget -= 1;
                    out.push(SnapshotNode::Text { text: collapsed });
                }
            }
            Node::Element(_) => {
                let Some(child) = ElementRef::wrap(child) else { continue };
                let name = child.value().name();
                if DROPPED.contains(&name) {
                    continue;
                }
                let children = children_of(child, marks, budget);
                let (element_marks, item) = marks.get(&child.id()).cloned().unwrap_or_default();
                if SNAPSHOT_TAGS.contains(&name) {
                    *budget = budget.saturating_sub(1);
                    out.push(SnapshotNode::Element { tag: name.to_string(), marks: element_marks, item, children });
                } else if element_marks.is_empty() {
                    // An element of a kind the snapshot does not keep (a custom element, `font`,
                    // `button`): its content stays, in the place it had.
                    out.extend(children);
                } else {
                    // ...unless the recipe marks it: then it stands as a plain block.
                    *budget = budget.saturating_sub(1);
                    out.push(SnapshotNode::Element { tag: "div".into(), marks: element_marks, item, children });
                }
            }
            _ => {}
        }
    }
    out
}

/// Runs of whitespace as one space, keeping one at either end so words do not run together.
fn collapse(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for character in text.chars() {
        if character.is_whitespace() {
            space = true;
        } else {
            if space {
                out.push(' ');
            }
            space = false;
            out.push(character);
        }
    }
    if space {
        out.push(' ');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page() -> Url {
        Url::parse("https://acme.example/careers/").unwrap()
    }

    const HTML: &str = r#"<html><head><script>steal()</script><link rel="stylesheet" href="https://evil.example/x.css"></head>
        <body onload="evil()"><nav><a href="/">Home</a></nav>
        <ul class="jobs">
          <li class="job"><a class="title" href="/jobs/1" onclick="x()">Data Engineer</a><span class="place">Berlin</span></li>
          <li class="job"><a class="title" href="/jobs/2">Product Designer</a><span class="place">Remote</span>
            <img src="https://tracker.example/p.gif"><my-badge>New</my-badge></li>
        </ul><script>alert(1)</script><iframe src="https://evil.example/"></iframe></body></html>"#;

    fn recipe(item: &str) -> Recipe {
        Recipe {
            item: item.into(),
            title: "a.title".into(),
            link: "a.title".into(),
            location: Some(".place".into()),
            posted: None,
            salary: None,
        }
    }

    fn elements<'a>(nodes: &'a [SnapshotNode], out: &mut Vec<&'a SnapshotNode>) {
        for node in nodes {
            out.push(node);
            if let SnapshotNode::Element { children, .. } = node {
                elements(children, out);
            }
        }
    }

    #[test]
    fn items_and_their_fields_are_marked_in_the_snapshot() {
        let preview = preview(&recipe("li.job"), HTML, &page());
        assert_eq!(preview.problem, None);
        assert_eq!(preview.items.len(), 2);
        assert_eq!(preview.items[1].title.as_deref(), Some("Product Designer"));
        assert_eq!(preview.items[1].link.as_deref(), Some("https://acme.example/jobs/2"));
        let mut all = Vec::new();
        elements(&preview.snapshot, &mut all);
        let marked: Vec<(&str, &[RecipeField], Option<u32>)> = all
            .iter()
            .filter_map(|node| match node {
                SnapshotNode::Element { tag, marks, item, .. } if !marks.is_empty() => {
                    Some((tag.as_str(), marks.as_slice(), *item))
                }
                _ => None,
            })
            .collect();
        assert_eq!(
            marked,
            vec![
                ("li", &[RecipeField::Item][..], Some(1)),
                ("a", &[RecipeField::Title, RecipeField::Link][..], None),
                ("span", &[RecipeField::Location][..], None),
                ("li", &[RecipeField::Item][..], Some(2)),
                ("a", &[RecipeField::Title, RecipeField::Link][..], None),
                ("span", &[RecipeField::Location][..], None),
            ]
        );
        assert!(!preview.truncated);
    }

    #[test]
    fn nothing_that_runs_or_loads_reaches_the_snapshot() {
        let preview = preview(&recipe("li.job"), HTML, &page());
        let json = serde_json::to_string(&preview.snapshot).unwrap();
        for gone in
            ["script", "steal", "alert", "evil", "onclick", "onload", "href", "tracker", "iframe", "img", "stylesheet"]
        {
            assert!(!json.contains(gone), "{gone} in {json}");
        }
        let mut all = Vec::new();
        elements(&preview.snapshot, &mut all);
        for node in all {
            if let SnapshotNode::Element { tag, .. } = node {
                assert!(SNAPSHOT_TAGS.contains(&tag.as_str()), "{tag}");
            }
        }
        // A custom element's text stays where it was.
        assert!(json.contains("\"New\""), "{json}");
    }

    #[test]
    fn a_recipe_that_would_be_refused_says_why_and_still_shows_the_page() {
        let preview = preview(&recipe("li.nothing"), HTML, &page());
        assert!(preview.items.is_empty());
        assert_eq!(
            preview.problem.as_deref(),
            Some("the recipe finds no job on the page, and the page does not say it is not hiring")
        );
        assert!(serde_json::to_string(&preview.snapshot).unwrap().contains("Data Engineer"));

        let broken = super::preview(&recipe("li[[["), HTML, &page());
        assert!(
            broken.problem.as_deref().is_some_and(|problem| problem.contains("item selector 'li[[['")),
            "{broken:?}"
        );
        assert!(!broken.snapshot.is_empty());
    }

    #[test]
    fn a_huge_page_is_cut_and_says_so() {
        let rows: String = (0..10_000).map(|n| format!("<p>row {n}</p>")).collect();
        let preview = preview(&recipe("li.job"), &format!("<html><body>{rows}</body></html>"), &page());
        assert!(preview.truncated);
        let mut all = Vec::new();
        elements(&preview.snapshot, &mut all);
        assert!(all.len() <= MAX_NODES, "{}", all.len());
    }
}
