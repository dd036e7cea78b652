//! The one list of sources: each line names a [`SourceKind`], the name stored with its postings and
//! the [`Source`] that implements it. Adding a source is its own file (parsing, fetching and its
//! [`SourceInfo`](crate::SourceInfo)) plus one line here.

use crate::ats::{ashby::Ashby, greenhouse::Greenhouse, lever::Lever, recruitee::Recruitee};
use crate::ats::{bamboohr::BambooHr, breezy::Breezy, personio::Personio, pinpoint::Pinpoint, teamtailor::Teamtailor};
use crate::ats::{comeet::Comeet, dover::Dover, eightfold::Eightfold, gem::Gem, icims::Icims, jobvite::Jobvite};
use crate::ats::{rippling::Rippling, smartrecruiters::SmartRecruiters, workable::Workable, workday::Workday};
use crate::boards::{adzuna::Adzuna, arbeitnow::Arbeitnow, himalayas::Himalayas, jsearch::Jsearch};
use crate::boards::{linkedin::Linkedin, remoteok::RemoteOk, remotive::Remotive, themuse::TheMuse, usajobs::Usajobs};
use crate::feeds::{hackernews::HackerNews, jsonld::JsonLd, page::Page, rss::Rss};
use crate::imports::{browser::Browser, jobfunnel::JobFunnel, jobspy::JobSpy};
use crate::source::Source;

/// Declares [`SourceKind`] with its stored names and [`source`], from one list: watched sources
/// first, in the order they are listed to the user, then file imports.
macro_rules! sources {
    (
        watched: { $($kind:ident $name:literal => $source:expr,)* }
        imports: { $($(#[$import_doc:meta])* $import:ident $import_name:literal => $import_source:expr,)* }
    ) => {
        /// Every kind of job source Jobhound can read.
        #[derive(
            Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize, ts_rs::TS,
        )]
        #[serde(rename_all = "snake_case")]
        #[ts(export)]
        pub enum SourceKind {
            $($kind,)*
            $($(#[$import_doc])* $import,)*
        }

        impl SourceKind {
            /// The sources a user watches, in the order they are listed.
            pub const ALL: &'static [SourceKind] = &[$(SourceKind::$kind,)*];

            /// Files from other tools, read like sources but imported, never watched.
            pub const IMPORTS: &'static [SourceKind] = &[$(SourceKind::$import,)*];

            /// The name stored with each posting, and used in settings and URLs.
            pub fn as_str(self) -> &'static str {
                match self {
                    $(SourceKind::$kind => $name,)*
                    $(SourceKind::$import => $import_name,)*
                }
            }
        }

        pub fn source(kind: SourceKind) -> &'static dyn Source {
            match kind {
                $(SourceKind::$kind => &$source,)*
                $(SourceKind::$import => &$import_source,)*
            }
        }
    };
}

sources! {
    watched: {
        Greenhouse "greenhouse" => Greenhouse,
        Lever "lever" => Lever,
        Ashby "ashby" => Ashby,
        Workable "workable" => Workable,
        Smartrecruiters "smartrecruiters" => SmartRecruiters,
        Recruitee "recruitee" => Recruitee,
        Workday "workday" => Workday,
        Personio "personio" => Personio,
        Teamtailor "teamtailor" => Teamtailor,
        Bamboohr "bamboohr" => BambooHr,
        Breezy "breezy" => Breezy,
        Pinpoint "pinpoint" => Pinpoint,
        Rippling "rippling" => Rippling,
        Eightfold "eightfold" => Eightfold,
        Comeet "comeet" => Comeet,
        Gem "gem" => Gem,
        Dover "dover" => Dover,
        Icims "icims" => Icims,
        Jobvite "jobvite" => Jobvite,
        Remoteok "remoteok" => RemoteOk,
        Remotive "remotive" => Remotive,
        Arbeitnow "arbeitnow" => Arbeitnow,
        Himalayas "himalayas" => Himalayas,
        Themuse "themuse" => TheMuse,
        Adzuna "adzuna" => Adzuna,
        Usajobs "usajobs" => Usajobs,
        Jsearch "jsearch" => Jsearch,
        Hackernews "hackernews" => HackerNews,
        Rss "rss" => Rss,
        Jsonld "jsonld" => JsonLd,
        Page "page" => Page,
        Linkedin "linkedin" => Linkedin,
    }
    imports: {
        /// Rows of a JobSpy CSV, imported from a file.
        Jobspy "jobspy" => JobSpy,
        /// Rows of a JobFunnel master CSV, imported from a file.
        Jobfunnel "jobfunnel" => JobFunnel,
        /// A job saved from a page in the browser, through the extension's native messaging host.
        Browser "browser" => Browser,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_has_its_own_source_and_info() {
        for kind in SourceKind::ALL.iter().chain(SourceKind::IMPORTS) {
            assert_eq!(source(*kind).kind(), *kind);
            assert_eq!(kind.info().kind, *kind, "{kind}'s info names another kind");
            assert_eq!(kind.as_str().parse::<SourceKind>().ok(), Some(*kind));
        }
    }
}
