//! Reading a careers page with its stored recipe, and healing the recipe when the page changed:
//! a recipe that no longer validates is replaced by a new one found the same way; a page that says
//! it is not hiring is an empty board whatever its recipe.

use serde::Serialize;
use ts_rs::TS;
use url::Url;

use super::{Recipe, RecipeItem, Refusal, find, says_not_hiring, validate};

/// A recipe a fetch derived, for the store to keep as the page's next version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct RecipeUpdate {
    pub recipe: Recipe,
    /// It replaces a stored recipe that stopped reading the page (the layout changed).
    pub healed: bool,
}

/// What reading a page gave: its items, and a recipe to store when one was derived.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageRead {
    pub items: Vec<RecipeItem>,
    pub update: Option<RecipeUpdate>,
}

/// Reads `html` (served at `page`) with `stored`, or derives a recipe when there is none or it
/// stopped validating. Fails with the reason when no recipe reads the page and the page does not
/// say it is not hiring.
pub fn read_page(html: &str, page: &Url, stored: Option<&Recipe>) -> Result<PageRead, Refusal> {
    let stale = match stored.map(|recipe| validate(recipe, html, page)) {
        Some(Ok(items)) => return Ok(PageRead { items, update: None }),
        Some(Err(refusal)) => Some(refusal),
        None => None,
    };
    match find(html, page) {
        Ok(recipe) => {
            let items = validate(&recipe, html, page)?;
            Ok(PageRead { items, update: Some(RecipeUpdate { recipe, healed: stale.is_some() }) })
        }
        Err(_) if says_not_hiring(html) => Ok(PageRead { items: Vec::new(), update: None }),
        // The stored recipe's own reason says most about what changed.
        Err(refusal) => Err(stale.unwrap_or(refusal)),
    }
}
