//! The commands the UI may call. Each is async and hands blocking database work to a worker thread.

use std::sync::Arc;

use jobhound_core::ingest::recipes::StoredRecipe;
use jobhound_core::ingest::{FetchReport, WatchedSource};
use jobhound_core::ingest::{RecheckReport, RecipePage};
use jobhound_core::search::{JobDetail, JobPage, JobQuery};
use jobhound_core::sources::recipe::{Recipe, RecipePreview};
use jobhound_core::sources::{Candidate, SourceKind};
use jobhound_core::your_data::DemoImport;
use jobhound_core::{AppStatus, CoreError, ErrorCode, ErrorPayload, Jobhound, SourceOverview};
use tauri::State;
use tauri_plugin_opener::OpenerExt;

use crate::ipc_error::{CommandResult, from_core, internal};
use crate::state::AppState;

pub(crate) async fn blocking<T: Send + 'static>(
    state: &State<'_, AppState>,
    work: impl FnOnce(&Jobhound) -> Result<T, CoreError> + Send + 'static,
) -> CommandResult<T> {
    let core: Arc<Jobhound> = state.core()?;
    tauri::async_runtime::spawn_blocking(move || work(&core))
        .await
        .map_err(|error| internal(format!("background task failed: {error}")))?
        .map_err(from_core)
}

#[tauri::command]
pub async fn app_status(state: State<'_, AppState>) -> CommandResult<AppStatus> {
    blocking(&state, |core| core.status()).await
}

#[tauri::command]
pub async fn list_jobs(state: State<'_, AppState>, query: JobQuery) -> CommandResult<JobPage> {
    blocking(&state, move |core| core.list_jobs(&query)).await
}

#[tauri::command]
pub async fn get_job(state: State<'_, AppState>, id: i64) -> CommandResult<JobDetail> {
    blocking(&state, move |core| core.get_job(id)).await
}

#[tauri::command]
pub async fn list_sources(state: State<'_, AppState>) -> CommandResult<Vec<WatchedSource>> {
    blocking(&state, |core| core.list_sources()).await
}

#[tauri::command]
pub async fn add_source(state: State<'_, AppState>, kind: SourceKind, input: String) -> CommandResult<WatchedSource> {
    blocking(&state, move |core| core.add_source(kind, &input)).await
}

/// Watches the board behind a pasted careers URL, detecting which source it is.
#[tauri::command]
pub async fn add_source_from_url(state: State<'_, AppState>, url: String) -> CommandResult<WatchedSource> {
    blocking(&state, move |core| core.add_source_from_url(&url)).await
}

/// The recipe that reads a careers page source, with its version; none for other sources.
#[tauri::command]
pub async fn source_recipe(state: State<'_, AppState>, id: i64) -> CommandResult<Option<StoredRecipe>> {
    blocking(&state, move |core| core.source_with_recipe(id).map(|(_, recipe)| recipe)).await
}

/// A careers page source's page, read for the recipe editor, with the recipe to start from.
#[tauri::command]
pub async fn recipe_page(state: State<'_, AppState>, id: i64) -> CommandResult<RecipePage> {
    let core = state.core()?;
    core.recipe_page(id).await.map_err(from_core)
}

/// What a recipe being edited reads on the page, with the page's snapshot marked.
#[tauri::command]
pub async fn preview_recipe(
    state: State<'_, AppState>,
    page: RecipePage,
    recipe: Recipe,
) -> CommandResult<RecipePreview> {
    blocking(&state, move |core| core.preview_recipe(&page, &recipe)).await
}

/// Keeps the person's recipe as the page's next version, once it reads the page rightly.
#[tauri::command]
pub async fn save_recipe(
    state: State<'_, AppState>,
    id: i64,
    recipe: Recipe,
    page: RecipePage,
) -> CommandResult<StoredRecipe> {
    blocking(&state, move |core| core.save_recipe(id, &recipe, &page)).await
}

/// The boards behind a pasted careers URL, best first, with how each was found.
#[tauri::command]
pub async fn discover_sources(state: State<'_, AppState>, url: String) -> CommandResult<Vec<Candidate>> {
    let core = state.core()?;
    core.discover_sources(&url).await.map_err(from_core)
}

#[tauri::command]
pub async fn sources_overview(state: State<'_, AppState>) -> CommandResult<Vec<SourceOverview>> {
    blocking(&state, |core| core.sources_overview()).await
}

/// Stores a source key in the OS keychain; an empty value removes it. The UI never reads keys back.
#[tauri::command]
pub async fn set_source_key(state: State<'_, AppState>, name: String, value: String) -> CommandResult<()> {
    blocking(&state, move |core| core.set_source_key(&name, &value)).await
}

#[tauri::command]
pub async fn set_linkedin_enabled(state: State<'_, AppState>, enabled: bool) -> CommandResult<()> {
    blocking(&state, move |core| core.set_linkedin_enabled(enabled)).await
}

#[tauri::command]
pub async fn remove_source(state: State<'_, AppState>, id: i64) -> CommandResult<()> {
    blocking(&state, move |core| core.remove_source(id)).await
}

#[tauri::command]
pub async fn refresh_source(state: State<'_, AppState>, id: i64) -> CommandResult<FetchReport> {
    let core = state.core()?;
    core.refresh_source(id).await.map_err(from_core)
}

/// Asks the job's company board whether it is still listed.
#[tauri::command]
pub async fn recheck_job(state: State<'_, AppState>, id: i64) -> CommandResult<RecheckReport> {
    let core = state.core()?;
    core.recheck_job(id).await.map_err(from_core)
}

#[tauri::command]
pub async fn import_demo(state: State<'_, AppState>) -> CommandResult<DemoImport> {
    blocking(&state, |core| core.import_demo()).await
}

/// Opens a web or mail link in the system's browser or mail client; nothing else is opened.
#[tauri::command]
pub async fn open_external(app: tauri::AppHandle, url: String) -> CommandResult<()> {
    if !crate::navigation::is_external_link(&url) {
        return Err(ErrorPayload {
            code: ErrorCode::InvalidInput,
            message: format!("not a web link: {url}"),
            field: None,
        });
    }
    app.opener()
        .open_url(url.as_str(), None::<&str>)
        .map_err(|error| internal(format!("could not open the browser for {url}: {error}")))
}
