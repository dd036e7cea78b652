//! A private Dovecot for the end-to-end tests: `test_mail_server [--deliver FILE.eml]…` starts it
//! on a loopback port with the files in INBOX, prints `listening PORT USER PASSWORD`, and stops
//! it (with its mail processes) when standard input closes.

use std::io::Read;

use jobhound_inbox::test_server::{PASSWORD, ServerOptions, TestMailServer, USER};

fn main() -> Result<(), String> {
    let mut server = TestMailServer::start(ServerOptions::default())?;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match (arg.as_str(), args.next()) {
            ("--deliver", Some(file)) => {
                let raw = std::fs::read(&file).map_err(|error| format!("{file}: {error}"))?;
                server.deliver("INBOX", &raw)?;
            }
            _ => return Err(format!("unknown argument {arg}; use --deliver FILE.eml")),
        }
    }
    println!("listening {} {USER} {PASSWORD}", server.port());
    let mut rest = Vec::new();
    let _ = std::io::stdin().read_to_end(&mut rest);
    drop(server);
    Ok(())
}
