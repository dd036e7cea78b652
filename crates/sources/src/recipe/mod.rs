//! Careers pages with no board, feed or JSON-LD, read by a recipe: CSS selectors for a job item and,
//! within it, its title, link and (when the page shows them) place, date and pay. A recipe comes
//! from the built-in finder ([`find`]) or a language model, and is used only once it validates on
//! the page ([`validate`]): a recipe that fails is refused with its reason, and nothing is read
//! with it.

mod finder;
mod preview;
mod read;
mod simplify;
mod validate;

pub use finder::find;
pub use preview::{RecipeField, RecipePreview, SNAPSHOT_TAGS, SnapshotNode, preview};
pub use read::{PageRead, RecipeUpdate, read_page};
pub use simplify::simplified_dom;
pub use validate::{Refusal, says_not_hiring, validate};

use scraper::{ElementRef, Html, Selector};
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use url::Url;

use crate::SourceError;

/// How to read a page's job list. Field selectors are relative to `item`; `link` selects an
/// element with an `href`, and `title` may be the same selector as `link`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct Recipe {
    pub item: String,
    pub title: String,
    pub link: String,
    pub location: Option<String>,
    pub posted: Option<String>,
    pub salary: Option<String>,
}

const FIELDS: &[&str] = &["item", "title", "link", "location", "posted", "salary"];

/// One job as a recipe reads it off a page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct RecipeItem {
    pub title: Option<String>,
    /// Absolute, resolved against the page's address.
    pub link: Option<String>,
    pub location: Option<String>,
    pub posted: Option<String>,
    pub salary: Option<String>,
}

impl Recipe {
    /// Reads a recipe strictly: exactly the recipe's six fields, every one named (null for a field
    /// the page lacks), each selector valid CSS.
    pub fn from_json(text: &str) -> Result<Self, SourceError> {
        let refuse = |reason: String| SourceError::Malformed { what: "recipe".into(), reason };
        let fields: serde_json::Map<String, serde_json::Value> =
            serde_json::from_str(text.trim()).map_err(|error| refuse(format!("not a JSON object ({error})")))?;
        if let Some(missing) = FIELDS.iter().find(|name| !fields.contains_key(**name)) {
            return Err(refuse(format!("it does not name its {missing}")));
        }
        let recipe: Recipe = serde_json::from_value(serde_json::Value::Object(fields))
            .map_err(|error| refuse(format!("not a recipe ({error})")))?;
        recipe.selectors()?;
        Ok(recipe)
    }

    /// Every selector parsed, or the first that is not valid CSS.
    fn selectors(&self) -> Result<Selectors, SourceError> {
        let parse = |name: &str, css: &str| {
            Selector::parse(css).map_err(|error| SourceError::Malformed {
                what: "recipe".into(),
                reason: format!("its {name} selector '{css}' is not CSS ({error})"),
            })
        };
        let optional = |name: &str, css: &Option<String>| css.as_deref().map(|css| parse(name, css)).transpose();
        Ok(Selectors {
            item: parse("item", &self.item)?,
            title: parse("title", &self.title)?,
            link: parse("link", &self.link)?,
            location: optional("location", &self.location)?,
            posted: optional("posted", &self.posted)?,
            salary: optional("salary", &self.salary)?,
        })
    }

    /// Reads every item `html` (served at `page`) holds, as the recipe says.
    pub fn apply(&self, html: &str, page: &Url) -> Result<Vec<RecipeItem>, SourceError> {
        let selectors = self.selectors()?;
        let document = Html::parse_document(html);
        Ok(document.select(&selectors.item).map(|item| selectors.read(item, page)).collect())
    }
}

struct Selectors {
    item: Selector,
    title: Selector,
    link: Selector,
    location: Option<Selector>,
    posted: Option<Selector>,
    salary: Option<Selector>,
}

impl Selectors {
    fn read(&self, item: ElementRef<'_>, page: &Url) -> RecipeItem {
        let text = |selector: &Selector| item.select(selector).next().and_then(text_of);
        let optional = |selector: &Option<Selector>| selector.as_ref().and_then(text);
        let link = item
            .select(&self.link)
            .find_map(|element| element.value().attr("href"))
            .and_then(|href| page.join(href.trim()).ok())
            .filter(|url| matches!(url.scheme(), "http" | "https"))
            .map(String::from);
        RecipeItem {
            title: text(&self.title),
            link,
            location: optional(&self.location),
            posted: optional(&self.posted),
            salary: optional(&self.salary),
        }
    }
}

/// An element's text with its whitespace collapsed; `None` when empty.
pub(crate) fn text_of(element: ElementRef<'_>) -> Option<String> {
    let text = element.text().collect::<Vec<_>>().join(" ");
    crate::text::clean(&text.split_whitespace().collect::<Vec<_>>().join(" "))
}
