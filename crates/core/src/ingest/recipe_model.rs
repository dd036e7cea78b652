//! Recipes written by the person's language model, for careers pages the built-in finder cannot
//! read: the model is sent the page cut down to its element tree and must answer with exactly a
//! recipe, which is used only once it validates on the page.

use jobhound_llm::prompts;
use jobhound_sources::recipe::{Recipe, simplified_dom, validate};
use url::Url;

use crate::applying::llm_settings;
use crate::{CoreError, Jobhound};

impl Jobhound {
    /// A recipe for the careers page at `address` from the configured model, validated on the
    /// page; `None` when no model is configured. An error says why the model's answer was refused.
    pub(crate) async fn recipe_from_model(&self, address: &str) -> Result<Option<(Recipe, String)>, CoreError> {
        if self.store().read(llm_settings::get)?.model.trim().is_empty() {
            return Ok(None);
        }
        let client = self.llm_client()?;
        let page = Url::parse(address).map_err(|error| CoreError::InvalidInput(format!("{address}: {error}")))?;
        let body = self.http.get_bytes(address, &format!("the careers page {address}")).await?;
        let html = String::from_utf8_lossy(&body);
        let messages = prompts::page_recipe(address, &simplified_dom(&html, prompts::MAX_PAGE_CHARS));
        let answer = client.complete(&messages).await?.text;
        let refused = |reason: String| CoreError::InvalidInput(format!("the model's recipe was refused: {reason}"));
        // Models often wrap the object in a code fence or a sentence; only the object is read.
        let object = match (answer.find('{'), answer.rfind('}')) {
            (Some(start), Some(end)) if start < end => &answer[start..=end],
            _ => return Err(refused("the answer holds no JSON object".into())),
        };
        let recipe = Recipe::from_json(object).map_err(|error| refused(error.to_string()))?;
        validate(&recipe, &html, &page).map_err(|refusal| refused(refusal.to_string()))?;
        Ok(Some((recipe, client.model().to_string())))
    }
}
