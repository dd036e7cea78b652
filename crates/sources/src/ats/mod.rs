//! Applicant-tracking-system boards: one company at a time, no key.

pub mod ashby;
pub mod bamboohr;
pub mod breezy;
pub mod comeet;
pub mod dover;
pub mod eightfold;
pub mod gem;
pub mod greenhouse;
pub mod icims;
pub mod jobvite;
pub mod lever;
pub mod personio;
pub mod pinpoint;
pub mod recruitee;
pub mod rippling;
pub mod smartrecruiters;
pub mod teamtailor;
pub mod workable;
pub mod workday;

use crate::SourceError;

/// A board token as ATSes spell them: letters, digits, `-`, `_`, `.`.
pub(crate) fn is_token(candidate: &str) -> bool {
    !candidate.is_empty()
        && candidate.len() <= 100
        && candidate.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
}

/// Parses what the user pasted as a URL, adding `https://` when it was left off.
pub(crate) fn as_url(input: &str) -> Option<url::Url> {
    let with_scheme = if input.contains("://") { input.to_string() } else { format!("https://{input}") };
    url::Url::parse(&with_scheme).ok().filter(|url| url.host_str().is_some_and(|host| host.contains('.')))
}

pub(crate) fn host(url: &url::Url) -> String {
    url.host_str().unwrap_or_default().trim_start_matches("www.").to_ascii_lowercase()
}

pub(crate) fn segments(url: &url::Url) -> Vec<String> {
    url.path_segments()
        .map(|segments| segments.filter(|s| !s.is_empty()).map(|s| s.to_string()).collect())
        .unwrap_or_default()
}

/// Reads a board token or URL: a bare token is taken as is; a URL must be on one of `hosts` and
/// `pick` finds the token in it.
pub(crate) fn token_from_input(
    kind: &'static str,
    input: &str,
    hosts: &[&str],
    pick: impl Fn(&str, &url::Url) -> Option<String>,
) -> Result<String, SourceError> {
    let input = input.trim().trim_end_matches('/');
    let bad = |hint| SourceError::BadParam { kind, input: input.to_string(), hint };
    if input.is_empty() {
        return Err(bad("enter the company's board name or paste its careers URL"));
    }
    if is_token(input) && !input.contains('.') {
        return Ok(input.to_string());
    }
    let url = as_url(input).ok_or_else(|| bad("it is neither a board name nor a URL"))?;
    let host = host(&url);
    if !hosts.iter().any(|wanted| host == *wanted || host.ends_with(&format!(".{wanted}"))) {
        return Err(bad("the URL is not on this ATS's careers site"));
    }
    pick(&host, &url).filter(|token| is_token(token)).ok_or_else(|| bad("the URL does not name a company board"))
}

/// Reads a board that lives on its company's own subdomain (`acme.breezy.hr`): a bare company name,
/// or a URL on `{company}.{suffix}` for one of `suffixes`. Returns the company (lower case) and
/// the suffix it was found on (the first one for a bare name).
pub(crate) fn subdomain_from_input(
    kind: &'static str,
    input: &str,
    suffixes: &[&'static str],
) -> Result<(String, &'static str), SourceError> {
    let input = input.trim().trim_end_matches('/');
    let bad = |hint| SourceError::BadParam { kind, input: input.to_string(), hint };
    if input.is_empty() {
        return Err(bad("enter the company's name on the board or paste its careers URL"));
    }
    if is_token(input) && !input.contains('.') {
        return Ok((input.to_ascii_lowercase(), suffixes[0]));
    }
    let url = as_url(input).ok_or_else(|| bad("it is neither a company name nor a URL"))?;
    let host = host(&url);
    suffixes
        .iter()
        .find_map(|suffix| {
            let company = host.strip_suffix(&format!(".{suffix}"))?;
            (is_token(company) && !company.contains('.')).then(|| (company.to_string(), *suffix))
        })
        .ok_or_else(|| bad("the URL is not a company's board on this ATS"))
}

/// Where to ask for a board on `host`: the company's own host, or, when the source's base URL is
/// set (tests, mirrors), that one server standing in for every company.
pub(crate) fn tenant_origin(context: &crate::FetchContext<'_>, kind: crate::SourceKind, host: &str) -> String {
    let overridden = context.base_url(kind);
    if overridden.is_empty() { format!("https://{host}") } else { overridden.trim_end_matches('/').to_string() }
}

/// A board whose whole listing is one GET: what it is called, how its parameter is read, and
/// where its listing is. Sources built on one hold only their parsing
/// (`one_get_board_source!`).
pub(crate) trait OneGetBoard: Sync {
    fn info(&self) -> crate::SourceInfo;
    fn param(&self, input: &str) -> Result<String, SourceError>;
    fn describe(&self, param: &str) -> String;
    /// The listing's address for a parameter `param` already read.
    fn listing(&self, context: &crate::FetchContext<'_>, param: &str) -> String;
}

/// Reads a [`OneGetBoard`]'s listing with `source`'s parser.
pub(crate) async fn fetch_one_get(
    board: &dyn OneGetBoard,
    source: &dyn crate::Source,
    context: crate::FetchContext<'_>,
    input: &str,
) -> Result<crate::FetchOutcome, SourceError> {
    let param = board.param(input)?;
    let what = board.describe(&param);
    crate::source::fetch_single(source, context, board.listing(&context, &param), &what).await
}

/// A board on the company's own subdomain (`{company}.{suffix}`), listed at `path` there
/// (Breezy, Pinpoint, Teamtailor).
pub(crate) struct CompanyBoard {
    pub kind: crate::SourceKind,
    pub name: &'static str,
    pub suffix: &'static str,
    pub path: &'static str,
    pub example: &'static str,
}

impl OneGetBoard for CompanyBoard {
    fn info(&self) -> crate::SourceInfo {
        crate::SourceInfo {
            param_label: "Careers URL or company name",
            ..crate::SourceInfo::ats(self.kind, self.name, "", self.example)
        }
    }

    fn param(&self, input: &str) -> Result<String, SourceError> {
        subdomain_from_input(self.name, input, &[self.suffix]).map(|(company, _)| company)
    }

    fn describe(&self, param: &str) -> String {
        format!("{} board '{param}'", self.name)
    }

    fn listing(&self, context: &crate::FetchContext<'_>, company: &str) -> String {
        format!("{}{}", tenant_origin(context, self.kind, &format!("{company}.{}", self.suffix)), self.path)
    }
}

/// A board on the ATS's own host (`base_url`, replaced in tests), named by a token read with
/// `board` and listed at `path(token)` (Gem, Rippling).
pub(crate) struct HostedBoard {
    pub kind: crate::SourceKind,
    pub name: &'static str,
    pub base_url: &'static str,
    pub example: &'static str,
    pub board: fn(&str) -> Result<String, SourceError>,
    pub path: fn(&str) -> String,
}

impl OneGetBoard for HostedBoard {
    fn info(&self) -> crate::SourceInfo {
        crate::SourceInfo::ats(self.kind, self.name, self.base_url, self.example)
    }

    fn param(&self, input: &str) -> Result<String, SourceError> {
        (self.board)(input)
    }

    fn describe(&self, param: &str) -> String {
        format!("{} board '{param}'", self.name)
    }

    fn listing(&self, context: &crate::FetchContext<'_>, board: &str) -> String {
        format!("{}{}", context.base_url(self.kind).trim_end_matches('/'), (self.path)(board))
    }
}

/// Implements [`Source`](crate::Source) for a [`OneGetBoard`] source from its board and parser.
macro_rules! one_get_board_source {
    ($source:ty, $board:expr, $parse:path) => {
        impl $crate::Source for $source {
            fn info(&self) -> $crate::SourceInfo {
                $crate::ats::OneGetBoard::info(&$board)
            }

            fn param_from_input(&self, input: &str) -> Result<String, $crate::SourceError> {
                $crate::ats::OneGetBoard::param(&$board, input)
            }

            fn describe(&self, param: &str) -> String {
                $crate::ats::OneGetBoard::describe(&$board, param)
            }

            fn parse(&self, body: &[u8]) -> Result<Vec<$crate::ParsedPosting>, $crate::SourceError> {
                $parse(body)
            }

            fn fetch<'a>(
                &'a self,
                context: $crate::FetchContext<'a>,
                param: &'a str,
            ) -> $crate::BoxFuture<'a, Result<$crate::FetchOutcome, $crate::SourceError>> {
                Box::pin($crate::ats::fetch_one_get(&$board, self, context, param))
            }
        }
    };
}
pub(crate) use one_get_board_source;
