//! `jobhound-cli mcp`: the Model Context Protocol over stdio, so the person's own AI assistant
//! (Claude, Codex, Cursor…) can search their jobs, read matches and applications, and, only when
//! they allow it in Settings, save jobs to applications, move them, add notes and sources. Every
//! change the assistant makes is marked as its own in the application's timeline.

mod params;

use std::sync::Arc;

use jobhound_core::Jobhound;
use jobhound_core::applying::{Actor, ApplicationQuery, ApplicationStatus};
use jobhound_core::normalize::sanitized_html_to_text;
use jobhound_core::search::{JobFilters, JobQuery, JobSort};
use jobhound_core::sources::WorkMode;
use rmcp::handler::server::router::tool::ToolRouter;
use rmcp::handler::server::wrapper::Parameters;
use rmcp::model::{
    CallToolResult, ContentBlock, ListResourcesResult, PaginatedRequestParams, ReadResourceRequestParams,
    ReadResourceResponse, ReadResourceResult, Resource, ResourceContents, ServerCapabilities, ServerConfig,
};
use rmcp::service::RequestContext;
use rmcp::{ErrorData, RoleServer, ServerHandler, ServiceExt, tool, tool_handler, tool_router};
use serde_json::{Value, json};

use crate::commands::Failure;
use params::{AddNote, AddSource, GetJob, JobOnly, ListApplications, ListMatches, SearchJobs, SetStatus};

const DEFAULT_PAGE: u32 = 20;
const MAX_PAGE: u32 = 50;
const DEFAULT_DESCRIPTION_CHARS: usize = 4_000;
const MAX_DESCRIPTION_CHARS: usize = 20_000;

#[derive(Clone)]
pub struct JobhoundMcp {
    app: Arc<Jobhound>,
    tool_router: ToolRouter<Self>,
}

fn text(value: Value) -> CallToolResult {
    CallToolResult::success(vec![ContentBlock::text(value.to_string())])
}

/// A refusal the model reads as the tool's answer (the call was well formed).
fn refused(message: impl Into<String>) -> CallToolResult {
    CallToolResult::error(vec![ContentBlock::text(message.into())])
}

fn answer(result: Result<Value, jobhound_core::CoreError>) -> CallToolResult {
    match result {
        Ok(value) => text(value),
        Err(error) => refused(error.to_string()),
    }
}

fn page(limit: Option<u32>) -> u32 {
    limit.unwrap_or(DEFAULT_PAGE).clamp(1, MAX_PAGE)
}

fn cut(text: &str, chars: usize) -> String {
    if text.chars().count() <= chars {
        text.to_string()
    } else {
        format!("{}…", text.chars().take(chars).collect::<String>())
    }
}

fn invalid(message: String) -> ErrorData {
    ErrorData::invalid_params(message, None)
}

fn status(text: &str) -> Result<ApplicationStatus, ErrorData> {
    ApplicationStatus::parse(text).map_err(|error| invalid(error.to_string()))
}

#[tool_router]
impl JobhoundMcp {
    pub fn new(app: Jobhound) -> Self {
        Self { app: Arc::new(app), tool_router: Self::tool_router() }
    }

    fn write_allowed(&self) -> Option<CallToolResult> {
        match self.app.app_settings() {
            Ok(settings) if settings.assistant_may_write => None,
            Ok(_) => Some(refused(
                "Write access is off: the person has not allowed their assistant to change their job hunt. \
                 They can turn it on in Jobhound under Settings → Let my AI assistant make changes. Nothing was changed.",
            )),
            Err(error) => Some(refused(error.to_string())),
        }
    }

    #[tool(
        description = "Search the person's saved jobs (every board Jobhound watches, merged). Returns compact rows: id, title, company, locations, remote, salary, posted, best score. Page with limit/offset."
    )]
    fn search_jobs(&self, Parameters(args): Parameters<SearchJobs>) -> Result<CallToolResult, ErrorData> {
        let work_modes = args
            .remote
            .iter()
            .map(|mode| {
                serde_json::from_value::<WorkMode>(json!(mode.to_ascii_lowercase()))
                    .map_err(|_| invalid(format!("unknown work mode {mode:?}: use remote, hybrid or onsite")))
            })
            .collect::<Result<Vec<_>, _>>()?;
        let sort = match args.sort.as_deref() {
            None | Some("newest") => JobSort::Newest,
            Some("score") => JobSort::Score,
            Some("salary") => JobSort::Salary,
            Some(other) => return Err(invalid(format!("unknown sort {other:?}: use newest, score or salary"))),
        };
        let limit = page(args.limit);
        let query = JobQuery {
            text: Some(args.query).filter(|text| !text.trim().is_empty()),
            limit: Some(limit),
            offset: args.offset,
            sort: Some(sort),
            filters: Some(JobFilters {
                work_modes,
                location: args.location,
                salary_min: args.salary_min,
                posted_within_days: args.posted_within_days,
                ..JobFilters::default()
            }),
            ..JobQuery::default()
        };
        Ok(answer(self.app.list_jobs(&query).map(|page| {
            json!({
                "total": page.total,
                "offset": args.offset.unwrap_or(0),
                "jobs": page.jobs.iter().map(|job| json!({
                    "id": job.id, "title": job.title, "company": job.company, "locations": job.locations,
                    "remote": job.remote, "salary": job.salary, "posted_at": job.posted_at, "score": job.score,
                })).collect::<Vec<_>>(),
            })
        })))
    }

    #[tool(
        description = "One job in full: description as plain text (cut to description_chars), where it was listed, its application if any, and the keyword gap against the person's resume when they have one."
    )]
    fn get_job(&self, Parameters(args): Parameters<GetJob>) -> Result<CallToolResult, ErrorData> {
        let chars = args.description_chars.unwrap_or(DEFAULT_DESCRIPTION_CHARS).clamp(200, MAX_DESCRIPTION_CHARS);
        let detail = match self.app.get_job(args.id) {
            Ok(detail) => detail,
            Err(error) => return Ok(refused(error.to_string())),
        };
        let mut value = serde_json::to_value(&detail).unwrap_or(Value::Null);
        if let Some(object) = value.as_object_mut() {
            // Plain text only, cut; no raw payloads or HTML.
            object.remove("description_html");
            object.insert(
                "description_text".into(),
                json!(cut(&sanitized_html_to_text(&detail.description_html), chars)),
            );
            if let Ok(Some(application)) = self.app.application_for_job(args.id) {
                object.insert(
                    "application".into(),
                    json!({"id": application.summary.id, "status": application.summary.status, "notes": application.notes}),
                );
            }
            if let Ok(gap) = self.app.keyword_gap(args.id, None)
                && gap.resume_id.is_some()
            {
                object.insert("keyword_gap".into(), json!({"coverage": gap.gap.coverage, "terms": gap.gap.terms}));
            }
        }
        Ok(text(value))
    }

    #[tool(
        description = "A campaign's best matches, best first, with their scores. Campaign ids are in the campaign resources."
    )]
    fn list_matches(&self, Parameters(args): Parameters<ListMatches>) -> Result<CallToolResult, ErrorData> {
        let query = JobQuery {
            campaign_id: Some(args.campaign_id),
            limit: Some(page(args.limit)),
            offset: args.offset,
            sort: Some(JobSort::Score),
            ..JobQuery::default()
        };
        Ok(answer(self.app.list_jobs(&query).map(|page| {
            json!({
                "campaign_id": args.campaign_id,
                "total": page.total,
                "matches": page.jobs.iter().map(|job| json!({
                    "id": job.id, "title": job.title, "company": job.company, "score": job.score,
                    "locations": job.locations, "remote": job.remote,
                })).collect::<Vec<_>>(),
            })
        })))
    }

    #[tool(
        description = "The person's applications with their status, dates and timeline (who moved what, and notes)."
    )]
    fn list_applications(&self, Parameters(args): Parameters<ListApplications>) -> Result<CallToolResult, ErrorData> {
        let statuses = args.statuses.iter().map(|text| status(text)).collect::<Result<Vec<_>, _>>()?;
        let query = ApplicationQuery { statuses, ..ApplicationQuery::default() };
        let listed = self.app.list_applications(&query).and_then(|applications| {
            applications
                .iter()
                .map(|summary| {
                    let detail = self.app.application(summary.id)?;
                    Ok(json!({
                        "id": summary.id, "job_id": summary.job_id, "title": summary.title, "company": summary.company,
                        "status": summary.status, "applied_at": summary.applied_at, "follow_up_on": summary.follow_up_on,
                        "timeline": detail.timeline,
                    }))
                })
                .collect::<Result<Vec<_>, jobhound_core::CoreError>>()
        });
        Ok(answer(listed.map(|applications| json!({"applications": applications}))))
    }

    #[tool(
        description = "Save a job to the person's applications (as 'saved'). Needs the person's leave (write access in Settings)."
    )]
    fn save_job_to_applications(&self, Parameters(args): Parameters<JobOnly>) -> Result<CallToolResult, ErrorData> {
        if let Some(refusal) = self.write_allowed() {
            return Ok(refusal);
        }
        let saved = self.app.save_to_applications(args.job_id, Actor::Assistant);
        Ok(answer(
            saved.map(|(detail, _)| json!({"application_id": detail.summary.id, "status": detail.summary.status})),
        ))
    }

    #[tool(
        description = "Move a job's application to a status (creating it if needed). Needs the person's leave (write access in Settings); the timeline records the assistant made it."
    )]
    fn set_application_status(&self, Parameters(args): Parameters<SetStatus>) -> Result<CallToolResult, ErrorData> {
        let wanted = status(&args.status)?;
        if let Some(refusal) = self.write_allowed() {
            return Ok(refusal);
        }
        let moved = self.app.set_application_status_by(args.job_id, wanted, true, Actor::Assistant);
        Ok(answer(moved.map(|detail| json!({"application_id": detail.summary.id, "status": detail.summary.status}))))
    }

    #[tool(
        description = "Add a note to a job's application timeline (the application is created as 'saved' if needed). Needs the person's leave (write access in Settings)."
    )]
    fn add_note(&self, Parameters(args): Parameters<AddNote>) -> Result<CallToolResult, ErrorData> {
        if let Some(refusal) = self.write_allowed() {
            return Ok(refusal);
        }
        let noted = (|| {
            let (application, _) = self.app.save_to_applications(args.job_id, Actor::Assistant)?;
            self.app.add_application_note(application.summary.id, &args.note, Actor::Assistant)
        })();
        Ok(answer(
            noted.map(|detail| json!({"application_id": detail.summary.id, "timeline_entries": detail.timeline.len()})),
        ))
    }

    #[tool(
        description = "Start watching a job board or careers page for new jobs (Greenhouse, Lever, Ashby and more are detected from the URL). Needs the person's leave (write access in Settings)."
    )]
    fn add_source(&self, Parameters(args): Parameters<AddSource>) -> Result<CallToolResult, ErrorData> {
        if let Some(refusal) = self.write_allowed() {
            return Ok(refusal);
        }
        Ok(answer(self.app.add_source_from_url(&args.url).map(|source| json!({"source": source}))))
    }
}

/// Arguments a tool cannot read are a protocol error (invalid params), answered before the tool
/// runs, so nothing changes; the SDK would otherwise answer them as the tool's own error.
fn check_arguments(name: &str, arguments: &serde_json::Map<String, Value>) -> Result<(), ErrorData> {
    fn read<T: serde::de::DeserializeOwned>(arguments: &serde_json::Map<String, Value>) -> Result<(), String> {
        serde_json::from_value::<T>(Value::Object(arguments.clone())).map(|_| ()).map_err(|error| error.to_string())
    }
    let checked = match name {
        "search_jobs" => read::<SearchJobs>(arguments),
        "get_job" => read::<GetJob>(arguments),
        "list_matches" => read::<ListMatches>(arguments),
        "list_applications" => read::<ListApplications>(arguments),
        "save_job_to_applications" => read::<JobOnly>(arguments),
        "set_application_status" => read::<SetStatus>(arguments),
        "add_note" => read::<AddNote>(arguments),
        "add_source" => read::<AddSource>(arguments),
        _ => Ok(()),
    };
    checked.map_err(|error| invalid(format!("the arguments of {name} cannot be read: {error}")))
}

#[tool_handler(router = self.tool_router)]
impl ServerHandler for JobhoundMcp {
    async fn call_tool(
        &self,
        request: rmcp::model::CallToolRequestParams,
        context: RequestContext<RoleServer>,
    ) -> Result<rmcp::model::CallToolResponse, ErrorData> {
        check_arguments(&request.name, &request.arguments.clone().unwrap_or_default())?;
        let call = rmcp::handler::server::tool::ToolCallContext::new(self, request, context);
        self.tool_router.call(call).await
    }

    fn get_info(&self) -> ServerConfig {
        ServerConfig::new(ServerCapabilities::builder().enable_tools().enable_resources().build())
            .with_server_info(rmcp::model::Implementation::new("jobhound", env!("CARGO_PKG_VERSION")))
            .with_instructions(
                "Jobhound is the person's local job-hunt app. Search and read their jobs, matches and applications; \
             campaigns and resumes are resources. Changes need their leave (write access in Settings).",
            )
    }

    async fn list_resources(
        &self,
        _request: Option<PaginatedRequestParams>,
        _context: RequestContext<RoleServer>,
    ) -> Result<ListResourcesResult, ErrorData> {
        let internal = |error: jobhound_core::CoreError| ErrorData::internal_error(error.to_string(), None);
        let mut resources = Vec::new();
        for campaign in self.app.list_campaigns().map_err(internal)? {
            let mut resource =
                Resource::new(format!("jobhound://campaigns/{}", campaign.id), campaign.settings.name.clone());
            resource.description = Some("A saved search: its words, filters and preferences".into());
            resource.mime_type = Some("application/json".into());
            resources.push(resource);
        }
        for resume in self.app.list_resumes().map_err(internal)? {
            let mut resource = Resource::new(format!("jobhound://resumes/{}", resume.id), resume.name.clone());
            resource.description = Some("One of the person's resumes, as text".into());
            resource.mime_type = Some("text/plain".into());
            resources.push(resource);
        }
        Ok(ListResourcesResult::with_all_items(resources))
    }

    async fn read_resource(
        &self,
        request: ReadResourceRequestParams,
        _context: RequestContext<RoleServer>,
    ) -> Result<ReadResourceResponse, ErrorData> {
        let uri = request.uri.clone();
        let not_found = || ErrorData::resource_not_found(format!("no resource {uri}"), None);
        let (kind, id) = uri
            .strip_prefix("jobhound://")
            .and_then(|rest| rest.split_once('/'))
            .and_then(|(kind, id)| id.parse::<i64>().ok().map(|id| (kind.to_string(), id)))
            .ok_or_else(not_found)?;
        let contents = match kind.as_str() {
            "campaigns" => {
                let campaign = self.app.list_campaigns().ok().and_then(|all| all.into_iter().find(|c| c.id == id));
                let campaign = campaign.ok_or_else(not_found)?;
                ResourceContents::text(
                    json!({"id": campaign.id, "settings": campaign.settings}).to_string(),
                    uri.clone(),
                )
            }
            "resumes" => ResourceContents::text(self.app.resume_text(id).map_err(|_| not_found())?, uri.clone()),
            _ => return Err(not_found()),
        };
        Ok(ReadResourceResult::new(vec![contents]).into())
    }
}

/// Serves until the client closes standard input.
pub fn run(app: Jobhound) -> Result<(), Failure> {
    let runtime = crate::commands::runtime()?;
    runtime.block_on(async move {
        let service = JobhoundMcp::new(app)
            .serve(rmcp::transport::stdio())
            .await
            .map_err(|error| Failure::internal(format!("the MCP session could not start: {error}")))?;
        service.waiting().await.map_err(|error| Failure::internal(format!("the MCP session failed: {error}")))?;
        Ok(())
    })
}
