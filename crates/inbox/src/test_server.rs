//! A private Dovecot (Debian's `dovecot-imapd`) for tests: its own folder, a loopback port, one
//! user with a Maildir that tests write messages into, optionally TLS with a throwaway
//! certificate authority. Dovecot runs mail processes as the `jhmail` user (`scripts/setup.sh`
//! creates it), never as root. Also a proxy that cuts the connection after some bytes, for a
//! server that goes away mid-fetch.

use std::net::TcpListener as StdListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use rustls::pki_types::CertificateDer;
use rustls::pki_types::pem::PemObject;

pub const USER: &str = "seeker";
pub const PASSWORD: &str = "app-password-1";
const MAIL_USER: &str = "jhmail";

#[derive(Debug, Clone, Copy, Default)]
pub struct ServerOptions {
    /// Require TLS: implicit TLS on `tls_port`, STARTTLS on `port`.
    pub tls: bool,
}

pub struct TestMailServer {
    dir: tempfile::TempDir,
    child: Child,
    port: u16,
    tls_port: Option<u16>,
    delivered: u32,
}

fn free_port() -> Result<u16, String> {
    let listener = StdListener::bind("127.0.0.1:0").map_err(|error| error.to_string())?;
    listener.local_addr().map(|address| address.port()).map_err(|error| error.to_string())
}

fn run(command: &mut Command) -> Result<(), String> {
    let output = command.output().map_err(|error| format!("{command:?}: {error}"))?;
    if output.status.success() {
        Ok(())
    } else {
        Err(format!("{command:?} failed: {}", String::from_utf8_lossy(&output.stderr)))
    }
}

impl TestMailServer {
    pub fn start(options: ServerOptions) -> Result<Self, String> {
        let dovecot = ["/usr/sbin/dovecot", "/usr/local/sbin/dovecot"]
            .into_iter()
            .find(|path| Path::new(path).exists())
            .ok_or("Dovecot is not installed: run ./scripts/setup.sh --test (it installs dovecot-imapd)")?;
        let dir = tempfile::Builder::new().prefix("jobhound-dovecot-").tempdir().map_err(|error| error.to_string())?;
        let base = dir.path().to_path_buf();
        let base = base.as_path();
        // Dovecot's mail processes (as jhmail) must reach the Maildir through the temp folder.
        run(Command::new("chmod").arg("755").arg(base))?;
        for folder in ["run", "home"] {
            std::fs::create_dir_all(base.join(folder)).map_err(|error| error.to_string())?;
        }
        create_folder_in(base, "INBOX")?;
        std::fs::write(base.join("passwd"), format!("{USER}:{{PLAIN}}{PASSWORD}\n"))
            .map_err(|error| error.to_string())?;
        let port = free_port()?;
        let tls_port = if options.tls { Some(free_port()?) } else { None };
        let ssl = if options.tls {
            make_certificates(base)?;
            format!(
                "ssl = required\nssl_cert = <{0}/server.pem\nssl_key = <{0}/server.key\nssl_min_protocol = TLSv1.2\n",
                base.display()
            )
        } else {
            "ssl = no\n".to_string()
        };
        let config = format!(
            "base_dir = {base}/run
log_path = {base}/dovecot.log
protocols = imap
listen = 127.0.0.1
{ssl}disable_plaintext_auth = no
auth_mechanisms = plain login
default_login_user = {MAIL_USER}
default_internal_user = {MAIL_USER}
service imap-login {{
  inet_listener imap {{
    address = 127.0.0.1
    port = {port}
  }}
  inet_listener imaps {{
    address = 127.0.0.1
    port = {imaps}
    ssl = yes
  }}
}}
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {base}/passwd
}}
userdb {{
  driver = static
  args = uid={MAIL_USER} gid={MAIL_USER} home={base}/home/%u
}}
mail_location = maildir:~/Maildir
",
            base = base.display(),
            imaps = tls_port.unwrap_or(0),
        );
        std::fs::write(base.join("dovecot.conf"), config).map_err(|error| error.to_string())?;
        let child = Command::new(dovecot)
            .arg("-F")
            .arg("-c")
            .arg(base.join("dovecot.conf"))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(|error| format!("starting Dovecot: {error}"))?;
        let mut server = Self { dir, child, port, tls_port, delivered: 0 };
        server.wait_until_listening()?;
        Ok(server)
    }

    fn wait_until_listening(&mut self) -> Result<(), String> {
        let deadline = Instant::now() + Duration::from_secs(10);
        while Instant::now() < deadline {
            if let Ok(Some(status)) = self.child.try_wait() {
                let log = std::fs::read_to_string(self.dir.path().join("dovecot.log")).unwrap_or_default();
                return Err(format!("Dovecot exited ({status}): {log}"));
            }
            let ready = std::net::TcpStream::connect(("127.0.0.1", self.port)).is_ok()
                && self.tls_port.is_none_or(|port| std::net::TcpStream::connect(("127.0.0.1", port)).is_ok());
            if ready {
                return Ok(());
            }
            std::thread::sleep(Duration::from_millis(25));
        }
        Err("Dovecot did not start listening within 10 s".into())
    }

    /// The plain (or STARTTLS) port.
    pub fn port(&self) -> u16 {
        self.port
    }

    /// The implicit-TLS port, when started with TLS.
    pub fn tls_port(&self) -> Option<u16> {
        self.tls_port
    }

    /// The certificate authority that signed the server's certificate, to trust in tests.
    pub fn certificate_authority(&self) -> Result<CertificateDer<'static>, String> {
        CertificateDer::from_pem_file(self.dir.path().join("ca.pem")).map_err(|error| error.to_string())
    }

    /// The user's Maildir, to look at what the server keeps (flags are in the file names).
    pub fn maildir_root(&self) -> PathBuf {
        maildir_in(self.dir.path(), "INBOX")
    }

    fn maildir(&self, folder: &str) -> PathBuf {
        maildir_in(self.dir.path(), folder)
    }

    /// Makes a folder (Maildir++: `.Name` beside INBOX).
    pub fn create_folder(&self, folder: &str) -> Result<(), String> {
        create_folder_in(self.dir.path(), folder)
    }

    /// Deletes a folder and everything in it, as another mail client might.
    pub fn remove_folder(&self, folder: &str) -> Result<(), String> {
        std::fs::remove_dir_all(self.maildir(folder)).map_err(|error| error.to_string())
    }

    /// Puts a message in a folder as a delivery would; it gets the next UID there.
    pub fn deliver(&mut self, folder: &str, raw: &[u8]) -> Result<(), String> {
        self.delivered += 1;
        let crlf = to_crlf(raw);
        let name =
            format!("{}.M{}P{}.jobhound-test:2,", 1_800_000_000 + self.delivered, self.delivered, std::process::id());
        let path = self.maildir(folder).join("new").join(name);
        std::fs::write(&path, crlf).map_err(|error| error.to_string())?;
        run(Command::new("chown").arg(format!("{MAIL_USER}:{MAIL_USER}")).arg(&path))
    }

    /// Gives a folder a new UIDVALIDITY, as a server does when it rebuilds its index: every UID
    /// a client remembered is void, and the messages are numbered again from 1.
    pub fn renumber(&self, folder: &str, uid_validity: u32) -> Result<(), String> {
        let maildir = self.maildir(folder);
        for entry in std::fs::read_dir(&maildir).map_err(|error| error.to_string())? {
            let entry = entry.map_err(|error| error.to_string())?;
            let name = entry.file_name().to_string_lossy().to_string();
            if name.starts_with("dovecot") {
                std::fs::remove_file(entry.path()).map_err(|error| error.to_string())?;
            }
        }
        std::fs::write(maildir.join("dovecot-uidlist"), format!("3 V{uid_validity} N1\n"))
            .map_err(|error| error.to_string())?;
        self.give_to_mail_user()
    }

    fn give_to_mail_user(&self) -> Result<(), String> {
        give_to_mail_user(self.dir.path())
    }

    /// Dovecot's log, for a failing test's message.
    pub fn log(&self) -> String {
        std::fs::read_to_string(self.dir.path().join("dovecot.log")).unwrap_or_default()
    }
}

impl Drop for TestMailServer {
    fn drop(&mut self) {
        // SIGTERM lets the master stop its children; a kill of the master alone leaves them.
        let _ = Command::new("kill").arg("-TERM").arg(self.child.id().to_string()).status();
        let deadline = Instant::now() + Duration::from_secs(5);
        while Instant::now() < deadline {
            if matches!(self.child.try_wait(), Ok(Some(_))) {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn maildir_in(base: &Path, folder: &str) -> PathBuf {
    let root = base.join("home").join(USER).join("Maildir");
    if folder.eq_ignore_ascii_case("INBOX") { root } else { root.join(format!(".{folder}")) }
}

fn create_folder_in(base: &Path, folder: &str) -> Result<(), String> {
    let maildir = maildir_in(base, folder);
    for sub in ["cur", "new", "tmp"] {
        std::fs::create_dir_all(maildir.join(sub)).map_err(|error| error.to_string())?;
    }
    give_to_mail_user(base)
}

fn give_to_mail_user(base: &Path) -> Result<(), String> {
    run(Command::new("chown").arg("-R").arg(format!("{MAIL_USER}:{MAIL_USER}")).arg(base.join("home")))
}

fn to_crlf(raw: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(raw.len() + raw.len() / 40);
    let mut previous = 0u8;
    for byte in raw {
        if *byte == b'\n' && previous != b'\r' {
            out.push(b'\r');
        }
        out.push(*byte);
        previous = *byte;
    }
    out
}

/// A certificate authority and a server certificate for 127.0.0.1 and localhost it signed.
fn make_certificates(base: &Path) -> Result<(), String> {
    let openssl = |args: &[&str]| run(Command::new("openssl").args(args).current_dir(base));
    openssl(&[
        "req",
        "-x509",
        "-newkey",
        "ec",
        "-pkeyopt",
        "ec_paramgen_curve:prime256v1",
        "-nodes",
        "-days",
        "2",
        "-subj",
        "/CN=Jobhound test CA",
        "-keyout",
        "ca.key",
        "-out",
        "ca.pem",
        "-addext",
        "basicConstraints=critical,CA:TRUE",
        "-addext",
        "keyUsage=critical,keyCertSign,cRLSign",
    ])?;
    openssl(&[
        "req",
        "-newkey",
        "ec",
        "-pkeyopt",
        "ec_paramgen_curve:prime256v1",
        "-nodes",
        "-subj",
        "/CN=localhost",
        "-keyout",
        "server.key",
        "-out",
        "server.csr",
    ])?;
    std::fs::write(
        base.join("server.ext"),
        "subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\nbasicConstraints=CA:FALSE\n",
    )
    .map_err(|error| error.to_string())?;
    openssl(&[
        "x509",
        "-req",
        "-in",
        "server.csr",
        "-CA",
        "ca.pem",
        "-CAkey",
        "ca.key",
        "-CAcreateserial",
        "-days",
        "2",
        "-extfile",
        "server.ext",
        "-out",
        "server.pem",
    ])?;
    Ok(())
}

/// A TCP relay to `target` that closes both sides once `cut_after` bytes came from the server:
/// a mail server that goes away in the middle of a fetch. Later connections pass whole.
pub struct CuttingProxy {
    pub port: u16,
    task: tokio::task::JoinHandle<()>,
}

impl CuttingProxy {
    pub async fn start(target: u16, cut_after: usize) -> Result<Self, String> {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.map_err(|error| error.to_string())?;
        let port = listener.local_addr().map_err(|error| error.to_string())?.port();
        let task = tokio::spawn(async move {
            let mut first = true;
            while let Ok((client, _)) = listener.accept().await {
                let limit = if first { Some(cut_after) } else { None };
                first = false;
                tokio::spawn(relay(client, target, limit));
            }
        });
        Ok(Self { port, task })
    }
}

impl Drop for CuttingProxy {
    fn drop(&mut self) {
        self.task.abort();
    }
}

async fn relay(client: tokio::net::TcpStream, target: u16, limit: Option<usize>) {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let Ok(server) = tokio::net::TcpStream::connect(("127.0.0.1", target)).await else { return };
    let (mut client_read, mut client_write) = client.into_split();
    let (mut server_read, mut server_write) = server.into_split();
    let upstream = tokio::spawn(async move {
        let _ = tokio::io::copy(&mut client_read, &mut server_write).await;
    });
    let mut sent = 0usize;
    let mut buffer = vec![0u8; 8192];
    while let Ok(read) = server_read.read(&mut buffer).await {
        if read == 0 {
            break;
        }
        let allowed = limit.map_or(read, |limit| read.min(limit.saturating_sub(sent)));
        if client_write.write_all(&buffer[..allowed]).await.is_err() {
            break;
        }
        sent += allowed;
        if limit.is_some_and(|limit| sent >= limit) {
            break;
        }
    }
    upstream.abort();
    let _ = client_write.shutdown().await;
}
