//! Which [`Source`] implements each [`SourceKind`].

use crate::SourceKind;
use crate::ats::{ashby::Ashby, greenhouse::Greenhouse, lever::Lever, recruitee::Recruitee};
use crate::ats::{smartrecruiters::SmartRecruiters, workable::Workable};
use crate::boards::{adzuna::Adzuna, arbeitnow::Arbeitnow, himalayas::Himalayas, jsearch::Jsearch};
use crate::boards::{linkedin::Linkedin, remoteok::RemoteOk, remotive::Remotive, themuse::TheMuse, usajobs::Usajobs};
use crate::feeds::{hackernews::HackerNews, jsonld::JsonLd, rss::Rss};
use crate::imports::{jobfunnel::JobFunnel, jobspy::JobSpy};
use crate::source::Source;

pub fn source(kind: SourceKind) -> &'static dyn Source {
    match kind {
        SourceKind::Greenhouse => &Greenhouse,
        SourceKind::Lever => &Lever,
        SourceKind::Ashby => &Ashby,
        SourceKind::Workable => &Workable,
        SourceKind::Smartrecruiters => &SmartRecruiters,
        SourceKind::Recruitee => &Recruitee,
        SourceKind::Remoteok => &RemoteOk,
        SourceKind::Remotive => &Remotive,
        SourceKind::Arbeitnow => &Arbeitnow,
        SourceKind::Himalayas => &Himalayas,
        SourceKind::Themuse => &TheMuse,
        SourceKind::Adzuna => &Adzuna,
        SourceKind::Usajobs => &Usajobs,
        SourceKind::Jsearch => &Jsearch,
        SourceKind::Hackernews => &HackerNews,
        SourceKind::Rss => &Rss,
        SourceKind::Jsonld => &JsonLd,
        SourceKind::Linkedin => &Linkedin,
        SourceKind::Jobspy => &JobSpy,
        SourceKind::Jobfunnel => &JobFunnel,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_has_its_own_source() {
        for kind in SourceKind::ALL.iter().chain(SourceKind::IMPORTS) {
            assert_eq!(source(*kind).kind(), *kind);
        }
    }
}
