//! Personio's public XML feed, `GET https://{company}.jobs.personio.de/xml` (or `.com`): every
//! open position at once, each description in several named CDATA blocks. An empty feed is a
//! healthy board with no openings. Notes: docs/sources/personio.md.

use roxmltree::{Document, Node};
use serde_json::{Map, Value};

use crate::source::{BoxFuture, FetchContext, FetchOutcome, Source};
use crate::text::clean_opt;
use crate::{EmploymentType, ParsedPosting, SourceError, SourceInfo, SourceKind, dates, text};

pub struct Personio;

const SUFFIXES: &[&str] = &["jobs.personio.de", "jobs.personio.com"];

/// The stored parameter is the board's host, `acme.jobs.personio.de`.
fn host_from_input(input: &str) -> Result<String, SourceError> {
    super::subdomain_from_input("Personio", input, SUFFIXES).map(|(company, suffix)| format!("{company}.{suffix}"))
}

impl Source for Personio {
    fn info(&self) -> SourceInfo {
        SourceInfo {
            param_label: "Personio careers URL or company name",
            ..SourceInfo::ats(SourceKind::Personio, "Personio", "", "acme.jobs.personio.de")
        }
    }

    fn param_from_input(&self, input: &str) -> Result<String, SourceError> {
        host_from_input(input)
    }

    fn describe(&self, param: &str) -> String {
        format!("Personio board {param}")
    }

    fn default_name(&self, param: &str) -> String {
        param.split('.').next().unwrap_or(param).to_string()
    }

    fn parse(&self, body: &[u8]) -> Result<Vec<ParsedPosting>, SourceError> {
        parse_feed(body, None)
    }

    fn fetch<'a>(
        &'a self,
        context: FetchContext<'a>,
        param: &'a str,
    ) -> BoxFuture<'a, Result<FetchOutcome, SourceError>> {
        Box::pin(async move {
            let host = host_from_input(param)?;
            let what = self.describe(&host);
            let origin = super::tenant_origin(&context, SourceKind::Personio, &host);
            let body = context.get(SourceKind::Personio, format!("{origin}/xml?language=en"), &what).await?;
            let postings = parse_feed(&body, Some(&host)).map_err(|error| error.about(&what))?;
            Ok(FetchOutcome::single_page(postings))
        })
    }
}

/// Reads the feed; with the board's `host`, each position links to its page there.
pub fn parse_feed(body: &[u8], host: Option<&str>) -> Result<Vec<ParsedPosting>, SourceError> {
    let malformed = |reason: String| SourceError::Malformed { what: "Personio feed".into(), reason };
    let text = std::str::from_utf8(body).map_err(|error| malformed(format!("not UTF-8 text ({error})")))?;
    let document = Document::parse(text.trim_start_matches('\u{feff}').trim_start())
        .map_err(|error| malformed(format!("not XML ({error})")))?;
    let root = document.root_element();
    if root.tag_name().name() != "workzag-jobs" {
        return Err(malformed(format!(
            "an XML document whose root is <{}>, not Personio's <workzag-jobs>",
            root.tag_name().name()
        )));
    }
    Ok(root.children().filter(|node| node.has_tag_name("position")).filter_map(|node| position(node, host)).collect())
}

fn child<'a, 'input>(node: Node<'a, 'input>, name: &str) -> Option<Node<'a, 'input>> {
    node.children().find(|child| child.has_tag_name(name))
}

fn child_text(node: Node<'_, '_>, name: &str) -> Option<String> {
    child(node, name).and_then(|child| clean_opt(child.text()))
}

fn position(node: Node<'_, '_>, host: Option<&str>) -> Option<ParsedPosting> {
    let id = child_text(node, "id")?;
    let mut payload = Map::new();
    for element in node.children().filter(Node::is_element) {
        if let Some(value) = clean_opt(element.text()) {
            payload.entry(element.tag_name().name().to_string()).or_insert(Value::String(value));
        }
    }
    let offices: Vec<String> = child_text(node, "office")
        .into_iter()
        .chain(
            child(node, "additionalOffices")
                .into_iter()
                .flat_map(|offices| offices.children().filter(|office| office.has_tag_name("office")))
                .filter_map(|office| clean_opt(office.text())),
        )
        .fold(Vec::new(), |mut unique, office| {
            if !unique.contains(&office) {
                unique.push(office);
            }
            unique
        });
    payload.insert("offices".into(), Value::from(offices.clone()));
    let url = host.map(|host| format!("https://{host}/job/{id}"));
    Some(ParsedPosting {
        source: SourceKind::Personio,
        source_id: id,
        url: url.clone(),
        apply_url: url,
        title: child_text(node, "name"),
        // The subcompany is a legal entity ("Personio SE & Co. KG"); the board is the brand.
        company: None,
        locations: offices,
        work_mode: None,
        employment_type: employment_type(
            child_text(node, "employmentType").as_deref(),
            child_text(node, "schedule").as_deref(),
        ),
        salary: None,
        posted_at: child_text(node, "createdAt").as_deref().and_then(dates::parse_date),
        description_html: description(node),
        payload: Value::Object(payload),
    })
}

/// "intern", "trainee", "freelance" say more than the schedule; otherwise "full-time" or "part-time".
fn employment_type(kind: Option<&str>, schedule: Option<&str>) -> Option<EmploymentType> {
    match kind.map(str::to_ascii_lowercase).as_deref() {
        Some("intern" | "trainee" | "working_student") => Some(EmploymentType::Internship),
        Some("freelance") => Some(EmploymentType::Contract),
        Some("temporary") => Some(EmploymentType::Temporary),
        _ => schedule.and_then(text::employment_type),
    }
}

/// The named description blocks as one HTML text, each under its name.
fn description(node: Node<'_, '_>) -> Option<String> {
    let blocks = child(node, "jobDescriptions")?;
    let html: String = blocks
        .children()
        .filter(|block| block.has_tag_name("jobDescription"))
        .filter_map(|block| {
            let value =
                child(block, "value").and_then(|value| value.text()).map(str::trim).filter(|text| !text.is_empty())?;
            let name = child_text(block, "name").map(|name| html_escape::encode_text(&name).into_owned());
            Some(match name {
                Some(name) => format!("<h3>{name}</h3>{value}"),
                None => value.to_string(),
            })
        })
        .collect();
    (!html.is_empty()).then_some(html)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boards_are_named_by_their_host() {
        assert_eq!(host_from_input("acme").unwrap(), "acme.jobs.personio.de");
        assert_eq!(host_from_input("https://acme.jobs.personio.com/job/123").unwrap(), "acme.jobs.personio.com");
        assert!(host_from_input("https://personio.de/careers").is_err());
    }

    #[test]
    fn named_description_blocks_become_one_text_and_an_empty_feed_no_jobs() {
        let feed = br#"<?xml version="1.0"?><workzag-jobs><position><id>7</id><name>Backend Engineer</name>
            <office>Munich</office><additionalOffices><office>Munich</office><office>Remote</office></additionalOffices>
            <employmentType>intern</employmentType><schedule>full-time</schedule>
            <jobDescriptions><jobDescription><name>Your mission</name><value><![CDATA[<p>Build <b>things</b>.</p>]]></value></jobDescription>
            <jobDescription><name>Your profile</name><value><![CDATA[<ul><li>Rust</li></ul>]]></value></jobDescription></jobDescriptions>
            </position></workzag-jobs>"#;
        let jobs = parse_feed(feed, Some("acme.jobs.personio.de")).unwrap();
        assert_eq!(jobs[0].locations, ["Munich", "Remote"]);
        assert_eq!(jobs[0].employment_type, Some(EmploymentType::Internship));
        assert_eq!(
            jobs[0].description_html.as_deref(),
            Some("<h3>Your mission</h3><p>Build <b>things</b>.</p><h3>Your profile</h3><ul><li>Rust</li></ul>")
        );
        assert_eq!(jobs[0].url.as_deref(), Some("https://acme.jobs.personio.de/job/7"));
        assert!(parse_feed(b"<?xml version=\"1.0\"?>\n<workzag-jobs>\n</workzag-jobs>", None).unwrap().is_empty());
        assert!(parse_feed(b"<html><body>Not found</body></html>", None).is_err());
    }
}
