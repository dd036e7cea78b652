//! A careers page the built-in finder cannot read, read by a recipe the person's language model
//! writes: the page served by a local server, the model by the mock OpenAI-compatible server.

use jobhound_core::applying::LlmSettings;
use jobhound_core::sources::recipe::Recipe;
use jobhound_core::sources::{HttpOptions, SourceKind};
use jobhound_llm::mock::{MOCK_MODEL, MockLlm, MockReply};
use wiremock::matchers::path;
use wiremock::{Mock, ResponseTemplate};

use crate::support::{board, count};

/// A job list as a bare table: no headings, arrows for links, titles without a job word. (Made up
/// for the test: no recorded page has this shape.)
const TABLE_PAGE: &str = r#"<html><body><h1>Openings</h1><table class="openings">
    <tr><td><span class="t">Senior Barista</span></td><td>Utrecht</td><td><a href="/o/1">→</a></td></tr>
    <tr><td><span class="t">Night Baker</span></td><td>Utrecht</td><td><a href="/o/2">→</a></td></tr>
    </table></body></html>"#;

const MODEL_RECIPE: &str = r#"Here is the recipe:
```json
{"item": "table.openings tr", "title": "span.t", "link": "a", "location": "td:nth-child(2)", "posted": null, "salary": null}
```"#;

async fn with_model(app: &jobhound_core::Jobhound, reply: &str) -> MockLlm {
    let mock = MockLlm::start().await.unwrap();
    app.set_llm_settings(&LlmSettings {
        base_url: mock.base_url(),
        model: MOCK_MODEL.into(),
        temperature: 0.3,
        timeout_seconds: 5,
        allow_http_on_private_network: false,
    })
    .unwrap();
    app.set_llm_api_key(Some("sk-local-test")).unwrap();
    mock.set_default(MockReply::Text { text: reply.into(), word_delay: std::time::Duration::ZERO });
    mock
}

#[tokio::test]
async fn a_page_the_finder_cannot_read_is_read_by_the_models_recipe_and_without_a_model_fails_clearly() {
    let site = board(&[], HttpOptions::for_tests()).await;
    Mock::given(path("/openings"))
        .respond_with(ResponseTemplate::new(200).set_body_string(TABLE_PAGE))
        .mount(&site.server)
        .await;
    let page = format!("{}/openings", site.server.uri());
    let source = site.app.add_source(SourceKind::Page, &page).unwrap();

    // No model: the finder's reason, nothing stored.
    let error = site.app.refresh_source(source.id).await.unwrap_err().to_string();
    assert!(error.contains("no recipe reads the careers page"), "{error}");
    assert_eq!(count(&site.app, "SELECT COUNT(*) FROM jobs"), 0);

    // With a model: its recipe is validated on the page, used, and kept as version 1.
    let model = with_model(&site.app, MODEL_RECIPE).await;
    let report = site.app.refresh_source(source.id).await.unwrap();
    assert_eq!((report.seen, report.new_jobs, report.healed), (2, 2, false));
    assert!(
        report.warnings.iter().any(|warning| warning == &format!("recipe written by {MOCK_MODEL}")),
        "{:?}",
        report.warnings
    );
    let (_, stored) = site.app.source_with_recipe(source.id).unwrap();
    let stored = stored.unwrap();
    assert_eq!((stored.version, stored.recipe.item.as_str()), (1, "table.openings tr"));
    let asked = model.requests()[0].body.to_string();
    assert!(asked.contains(r#"<table class=\"openings\">"#), "the page's elements were sent: {asked}");
    assert!(!asked.contains("<html><body>"), "the simplified tree, not the raw page");
    let titles: Vec<String> = count_titles(&site.app);
    assert_eq!(titles, ["Night Baker", "Senior Barista"]);
}

#[tokio::test]
async fn a_models_recipe_that_does_not_read_the_page_is_refused_and_nothing_is_stored() {
    let site = board(&[], HttpOptions::for_tests()).await;
    Mock::given(path("/openings"))
        .respond_with(ResponseTemplate::new(200).set_body_string(TABLE_PAGE))
        .mount(&site.server)
        .await;
    let source = site.app.add_source(SourceKind::Page, &format!("{}/openings", site.server.uri())).unwrap();
    // Selectors for another page, and then no JSON at all.
    for reply in [
        r#"{"item": "div.job", "title": "h2", "link": "a", "location": null, "posted": null, "salary": null}"#,
        "I could not find any jobs on this page.",
    ] {
        let _model = with_model(&site.app, reply).await;
        let error = site.app.refresh_source(source.id).await.unwrap_err().to_string();
        assert!(error.contains("nor does the language model's"), "{error}");
        assert_eq!(count(&site.app, "SELECT COUNT(*) FROM jobs"), 0);
        assert_eq!(count(&site.app, "SELECT COUNT(*) FROM source_recipes"), 0);
    }
}

fn count_titles(app: &jobhound_core::Jobhound) -> Vec<String> {
    let mut titles: Vec<String> =
        app.list_jobs(&Default::default()).unwrap().jobs.into_iter().map(|job| job.title).collect();
    titles.sort();
    titles
}

#[tokio::test]
async fn the_person_writes_a_recipe_in_the_editor_and_the_next_fetch_reads_with_it() {
    let site = board(&[], HttpOptions::for_tests()).await;
    Mock::given(path("/openings"))
        .respond_with(ResponseTemplate::new(200).set_body_string(TABLE_PAGE))
        .mount(&site.server)
        .await;
    let source = site.app.add_source(SourceKind::Page, &format!("{}/openings", site.server.uri())).unwrap();
    let page = site.app.recipe_page(source.id).await.unwrap();
    assert_eq!(page.suggested, None, "neither a stored recipe nor one the finder can propose");
    assert!(page.html.contains("Senior Barista"));

    let mut recipe = Recipe {
        item: "table.openings tr".into(),
        title: "td:first-child".into(),
        link: "a".into(),
        location: Some("td:nth-child(2)".into()),
        posted: None,
        salary: None,
    };
    let preview = site.app.preview_recipe(&page, &recipe).unwrap();
    assert_eq!(preview.problem, None);
    let titles: Vec<_> = preview.items.iter().map(|item| item.title.clone().unwrap_or_default()).collect();
    assert_eq!(titles, ["Senior Barista", "Night Baker"]);
    assert!(serde_json::to_string(&preview.snapshot).unwrap().contains(r#""item":2"#));

    // A recipe that reads nothing is refused with its reason, and nothing is kept.
    let wrong = Recipe { item: "div.job".into(), ..recipe.clone() };
    let error = site.app.save_recipe(source.id, &wrong, &page).unwrap_err().to_string();
    assert!(error.contains("the recipe was not saved: the recipe finds no job on the page"), "{error}");
    assert_eq!(count(&site.app, "SELECT COUNT(*) FROM source_recipes"), 0);

    // A page that is not this source's is refused: the check would mean nothing.
    let elsewhere = jobhound_core::ingest::RecipePage { url: "https://other.example/".into(), ..page.clone() };
    assert!(site.app.save_recipe(source.id, &recipe, &elsewhere).is_err());

    recipe.title = "span.t".into();
    let saved = site.app.save_recipe(source.id, &recipe, &page).unwrap();
    assert_eq!((saved.version, saved.edited, saved.healed), (1, true, false));
    assert_eq!(saved.recipe, recipe);

    let report = site.app.refresh_source(source.id).await.unwrap();
    assert_eq!((report.seen, report.new_jobs, report.healed), (2, 2, false));
    assert_eq!(count_titles(&site.app), ["Night Baker", "Senior Barista"]);
    assert_eq!(count(&site.app, "SELECT COUNT(*) FROM source_recipes"), 1, "the person's recipe read the page");

    // The editor opens on the recipe in use.
    assert_eq!(site.app.recipe_page(source.id).await.unwrap().suggested, Some(recipe));
}

#[tokio::test]
async fn only_a_careers_page_has_a_recipe_to_edit() {
    let site = board(&[], HttpOptions::for_tests()).await;
    let source = site.app.add_source(SourceKind::Greenhouse, "acme").unwrap();
    let error = site.app.recipe_page(source.id).await.unwrap_err().to_string();
    assert!(error.contains("is not a careers page read by a recipe"), "{error}");
}
