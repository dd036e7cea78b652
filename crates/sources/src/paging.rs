//! The loops every paged source shares: reading a listing page by page up to the page cap, and
//! per-job detail calls within their budget. Each source says only how to ask for a page or a
//! detail and what the answer means.

use std::future::Future;

use crate::source::{DetailFailures, FetchContext, FetchOutcome};
use crate::{ParsedPosting, SourceError, SourceKind};

/// One page of a listing: its postings, and how to ask for the next page (`None` after the last).
pub(crate) struct Paged<Next> {
    pub postings: Vec<ParsedPosting>,
    pub next: Option<Next>,
}

/// Reads a listing from `first` on: it ends after the last page or an empty one, or, after
/// `max_pages`, is marked truncated with the warning `stopped` words from what was read and the
/// request for the page not read (which can carry the listing's total).
pub(crate) async fn read_pages<Next, Page, Fut>(
    max_pages: u32,
    first: Next,
    page: Page,
    stopped: impl FnOnce(&FetchOutcome, &Next) -> String,
) -> Result<FetchOutcome, SourceError>
where
    Page: FnMut(Next) -> Fut,
    Fut: Future<Output = Result<Paged<Next>, SourceError>>,
{
    read(max_pages, first, page, Some(stopped)).await
}

/// Reads a search whose page cap is the depth the source chose to search (each page costs the
/// user quota, or the site's terms ask for few requests): reaching it is not a loss, so the
/// listing is neither marked truncated nor warned about on every run.
pub(crate) async fn read_search_pages<Next, Page, Fut>(
    depth: u32,
    first: Next,
    page: Page,
) -> Result<FetchOutcome, SourceError>
where
    Page: FnMut(Next) -> Fut,
    Fut: Future<Output = Result<Paged<Next>, SourceError>>,
{
    read(depth, first, page, None::<fn(&FetchOutcome, &Next) -> String>).await
}

async fn read<Next, Page, Fut>(
    max_pages: u32,
    first: Next,
    mut page: Page,
    stopped: Option<impl FnOnce(&FetchOutcome, &Next) -> String>,
) -> Result<FetchOutcome, SourceError>
where
    Page: FnMut(Next) -> Fut,
    Fut: Future<Output = Result<Paged<Next>, SourceError>>,
{
    let mut outcome = FetchOutcome::default();
    let mut seen = std::collections::HashSet::new();
    let mut next = first;
    loop {
        let read = page(next).await;
        outcome.pages += 1;
        let Paged { postings, next: following } = read?;
        // A listing that shifts while it is read (a job added ahead of the page being read) serves
        // a posting twice; a site that ignores the page asked for serves the same page again. Each
        // posting is kept once, and a page of nothing new ends the listing.
        let fresh: Vec<ParsedPosting> =
            postings.into_iter().filter(|posting| seen.insert(posting.source_id.clone())).collect();
        let empty = fresh.is_empty();
        outcome.postings.extend(fresh);
        let Some(following) = following.filter(|_| !empty) else {
            return Ok(outcome);
        };
        if outcome.pages >= max_pages {
            if let Some(stopped) = stopped {
                outcome.truncated = true;
                let warning = stopped(&outcome, &following);
                outcome.warnings.push(warning);
            }
            return Ok(outcome);
        }
        next = following;
    }
}

/// How a source reads one posting's detail: the URL, the name errors use, and what the answer
/// adds to the posting.
pub(crate) struct DetailCall<Request, Apply> {
    pub kind: SourceKind,
    /// What the calls read, for the warning when some fail ("pay ranges", "descriptions").
    pub reads: &'static str,
    pub request: Request,
    pub apply: Apply,
}

/// Per-job detail calls for the postings not stored yet, at most `max_detail_requests` of them.
/// Failed calls become one warning; a pause (the host refused) stops the calls with its reason.
/// Returns how many postings were left unread for the budget.
pub(crate) async fn read_details<Request, Apply>(
    context: &FetchContext<'_>,
    postings: &mut [ParsedPosting],
    detail: DetailCall<Request, Apply>,
    warnings: &mut Vec<String>,
) -> usize
where
    Request: Fn(&ParsedPosting) -> (String, String),
    Apply: Fn(&mut ParsedPosting, &[u8]),
{
    let budget = context.limits.max_detail_requests as usize;
    let mut wanted: Vec<&mut ParsedPosting> =
        postings.iter_mut().filter(|posting| context.needs_detail(&posting.source_id)).collect();
    let unread = wanted.len().saturating_sub(budget);
    let mut failures = DetailFailures::default();
    for posting in wanted.iter_mut().take(budget) {
        let (url, what) = (detail.request)(posting);
        match context.get(detail.kind, url, &what).await {
            Ok(body) => (detail.apply)(posting, &body),
            Err(error @ SourceError::Paused { .. }) => {
                warnings.push(error.to_string());
                break;
            }
            Err(error) => failures.record(&error),
        }
    }
    warnings.extend(failures.warning(detail.reads));
    unread
}

#[cfg(test)]
mod tests {
    use super::*;

    fn posting(id: u32) -> ParsedPosting {
        ParsedPosting {
            source: SourceKind::Lever,
            source_id: id.to_string(),
            url: None,
            apply_url: None,
            title: None,
            company: None,
            locations: Vec::new(),
            work_mode: None,
            employment_type: None,
            salary: None,
            posted_at: None,
            description_html: None,
            payload: serde_json::Value::Null,
        }
    }

    /// A listing of `pages` pages of two postings each, asked for by page number from 1.
    async fn listing(max_pages: u32, pages: u32) -> Result<FetchOutcome, SourceError> {
        let page = |number: u32| async move {
            if number > pages {
                return Err(SourceError::NotFound { what: format!("page {number}") });
            }
            let postings = vec![posting(number * 10), posting(number * 10 + 1)];
            Ok(Paged { postings, next: (number < pages).then_some(number + 1) })
        };
        read_pages(max_pages, 1, page, |outcome, next| format!("{} pages read, next {next}", outcome.pages)).await
    }

    #[tokio::test]
    async fn a_listing_is_read_to_its_last_page_and_no_further() {
        let outcome = listing(10, 3).await.unwrap();
        assert_eq!((outcome.pages, outcome.postings.len(), outcome.truncated), (3, 6, false));
        assert!(outcome.warnings.is_empty());
    }

    #[tokio::test]
    async fn at_the_page_cap_the_listing_is_truncated_with_the_sources_warning() {
        let outcome = listing(2, 5).await.unwrap();
        assert_eq!((outcome.pages, outcome.postings.len(), outcome.truncated), (2, 4, true));
        assert_eq!(outcome.warnings, ["2 pages read, next 3"]);
        // A listing that ends exactly at the cap is complete.
        assert!(!listing(3, 3).await.unwrap().truncated);
    }

    #[tokio::test]
    async fn a_search_stops_at_its_depth_without_calling_the_listing_truncated() {
        let page = |number: u32| async move { Ok(Paged { postings: vec![posting(number)], next: Some(number + 1) }) };
        let outcome = read_search_pages(3, 1, page).await.unwrap();
        assert_eq!((outcome.pages, outcome.postings.len(), outcome.truncated), (3, 3, false));
        assert!(outcome.warnings.is_empty());
    }

    #[tokio::test]
    async fn an_empty_page_ends_the_listing_even_when_it_offers_another() {
        let page = |number: u32| async move {
            let postings = if number == 1 { vec![posting(1)] } else { Vec::new() };
            Ok(Paged { postings, next: Some(number + 1) })
        };
        let outcome = read_pages(10, 1, page, |_, _| String::new()).await.unwrap();
        assert_eq!((outcome.pages, outcome.postings.len(), outcome.truncated), (2, 1, false));
    }

    #[tokio::test]
    async fn a_posting_served_twice_is_kept_once_and_a_repeated_page_ends_the_listing() {
        // Page 2 repeats a posting of page 1 (the listing shifted); page 3 is page 2 again.
        let page = |number: u32| async move {
            let postings = match number {
                1 => vec![posting(1), posting(2)],
                _ => vec![posting(2), posting(3)],
            };
            Ok(Paged { postings, next: Some(number + 1) })
        };
        let outcome = read_pages(10, 1, page, |_, _| String::new()).await.unwrap();
        let ids: Vec<&str> = outcome.postings.iter().map(|posting| posting.source_id.as_str()).collect();
        assert_eq!(ids, ["1", "2", "3"]);
        assert_eq!((outcome.pages, outcome.truncated), (3, false));
    }

    #[tokio::test]
    async fn a_failed_page_fails_the_fetch() {
        let page = |number: u32| async move {
            if number == 2 {
                return Err(SourceError::Server { what: "page 2".into(), status: 502 });
            }
            Ok(Paged { postings: vec![posting(number)], next: Some(number + 1) })
        };
        let error = read_pages(10, 1, page, |_, _| String::new()).await.unwrap_err();
        assert!(matches!(error, SourceError::Server { status: 502, .. }), "{error}");
    }
}
