fn main() {
    // The config lives at the repository root (see DESIGN.md), so paths in it resolve from there.
    let attributes = tauri_build::Attributes::new().config_path("../tauri.conf.json");
    if let Err(error) = tauri_build::try_build(attributes) {
        panic!("tauri build step failed: {error:#}");
    }
}
