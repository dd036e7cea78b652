//! `jobhound-cli sources`: every source kind with what it needs and how it is doing.

use jobhound_core::Jobhound;

use crate::commands::Failure;
use crate::output::{json_line, line};

pub fn print(app: &Jobhound, json: bool) -> Result<(), Failure> {
    let overview = app.sources_overview()?;
    if json {
        return json_line(&overview);
    }
    for source in overview {
        let info = &source.info;
        let state = if !source.enabled {
            "off (opt-in)".to_string()
        } else if !source.ready {
            format!("needs {}", source.missing_keys.join(" and "))
        } else {
            "ready".to_string()
        };
        let health = match (source.watched, source.failing) {
            (0, _) => "not watched".to_string(),
            (watched, 0) => format!("{watched} watched, all healthy"),
            (watched, failing) => format!("{watched} watched, {failing} failing"),
        };
        line(&format!("{:<16} {:<38} {state}; {health}", info.kind.as_str(), info.name))?;
        line(&format!("{:<16} you provide: {}", "", info.param_label))?;
        line(&format!("{:<16} terms: {}", "", info.terms))?;
    }
    Ok(())
}
