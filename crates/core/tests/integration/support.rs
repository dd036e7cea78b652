//! What the modules of core's integration tests share: the recorded payloads, a count query, and
//! an app whose sources point at a local mock server.

use std::sync::Arc;

use jobhound_core::Jobhound;
use jobhound_core::sources::{Endpoints, HttpOptions, SourceKind};
use jobhound_core::store::MemorySecrets;
use wiremock::MockServer;

/// A payload recorded from a real source, from `assets/recorded/` (the one copy in the repository).
pub fn recorded(name: &str) -> Vec<u8> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../assets/recorded").join(name);
    std::fs::read(&path).unwrap_or_else(|error| panic!("{}: {error}", path.display()))
}

/// The one integer `sql` selects.
pub fn count(app: &Jobhound, sql: &str) -> i64 {
    app.store().read(|c| Ok(c.query_row(sql, [], |row| row.get(0))?)).unwrap()
}

/// An app in a fresh data dir whose `kinds` of source are served by `server`; keys in memory.
pub struct Board {
    pub _dir: tempfile::TempDir,
    pub server: MockServer,
    pub app: Jobhound,
}

pub async fn board(kinds: &[SourceKind], options: HttpOptions) -> Board {
    let dir = tempfile::tempdir().unwrap();
    let server = MockServer::start().await;
    let endpoints =
        kinds.iter().fold(Endpoints::default(), |endpoints, kind| endpoints.with_base_url(*kind, &server.uri()));
    let app =
        Jobhound::open_with(dir.path(), endpoints, options).unwrap().with_secrets(Arc::new(MemorySecrets::default()));
    Board { _dir: dir, server, app }
}
