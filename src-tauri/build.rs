//! Generates the app's context from tauri.conf.json at the repository root (the app is the root
//! package; see Cargo.toml) with the capabilities kept beside the shell's code.

fn main() {
    let attributes = tauri_build::Attributes::new().capabilities_path_pattern("./src-tauri/capabilities/**/*");
    if let Err(error) = tauri_build::try_build(attributes) {
        panic!("tauri build step failed: {error:#}");
    }
}
