//! The recipe editor: the careers page read once, each edit of the selectors tried on it as the
//! person types, and an edit that reads the page rightly kept as the page's next recipe version.

use std::sync::Arc;

use jobhound_sources::SourceKind;
use jobhound_sources::recipe::{Recipe, RecipePreview, find, preview, validate};
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use url::Url;

use super::recipes::{self, StoredRecipe, Written};
use super::watched;
use crate::app::blocking;
use crate::{CoreError, Jobhound, time};

/// A careers page as the editor tries recipes on it: its address and its HTML as served.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RecipePage {
    pub url: String,
    pub html: String,
    /// The recipe the editor starts from: the stored one, else the finder's proposal.
    pub suggested: Option<Recipe>,
}

fn page_address(page: &RecipePage) -> Result<Url, CoreError> {
    Url::parse(&page.url).map_err(|error| CoreError::InvalidInput(format!("{}: {error}", page.url)))
}

impl Jobhound {
    /// Reads the careers page of source `source_id` for the recipe editor.
    pub async fn recipe_page(&self, source_id: i64) -> Result<RecipePage, CoreError> {
        let store = Arc::clone(&self.store);
        let (source, stored) = blocking(move || {
            store
                .read(|connection| Ok((watched::get(connection, source_id)?, recipes::current(connection, source_id)?)))
        })
        .await?;
        if source.kind != SourceKind::Page {
            return Err(CoreError::InvalidInput(format!(
                "{} is not a careers page read by a recipe, so it has no recipe to edit",
                source.description
            )));
        }
        let address =
            Url::parse(&source.param).map_err(|error| CoreError::InvalidInput(format!("{}: {error}", source.param)))?;
        let body = self.http.get_bytes(address.as_str(), &format!("the careers page {address}")).await?;
        let html = String::from_utf8_lossy(&body).into_owned();
        let suggested = match stored {
            Some(stored) => Some(stored.recipe),
            None => find(&html, &address).ok(),
        };
        Ok(RecipePage { url: address.to_string(), html, suggested })
    }

    /// What `recipe` reads on `page`, with the page's snapshot marked.
    pub fn preview_recipe(&self, page: &RecipePage, recipe: &Recipe) -> Result<RecipePreview, CoreError> {
        Ok(preview(recipe, &page.html, &page_address(page)?))
    }

    /// Keeps the person's `recipe` as the next version of source `source_id`'s recipe, once it
    /// reads `page` rightly; a recipe that does not is refused with the reason and nothing is kept.
    pub fn save_recipe(&self, source_id: i64, recipe: &Recipe, page: &RecipePage) -> Result<StoredRecipe, CoreError> {
        let source = self.store.read(|connection| watched::get(connection, source_id))?;
        if source.kind != SourceKind::Page || source.param != page.url {
            return Err(CoreError::InvalidInput(format!("this page is not the one {} reads", source.description)));
        }
        validate(recipe, &page.html, &page_address(page)?)
            .map_err(|refusal| CoreError::InvalidInput(format!("the recipe was not saved: {refusal}")))?;
        let now = time::now_rfc3339();
        self.store.write(|tx| recipes::store(tx, source_id, recipe, Written::ByPerson, &now))?;
        self.store
            .read(|connection| recipes::current(connection, source_id))?
            .ok_or_else(|| CoreError::NotFound(format!("the recipe of {}", source.description)))
    }
}
