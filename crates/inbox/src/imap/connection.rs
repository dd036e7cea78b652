//! The connection to the mail server: TLS from the start, or STARTTLS before the password is
//! sent, with the server's certificate checked against the system's trust store (plain only to
//! this machine); then the login.

use std::fmt::Debug;
use std::sync::Arc;
use std::time::Duration;

use async_imap::{Client, Session};
use rustls::pki_types::{CertificateDer, ServerName};
use tokio::io::{AsyncRead, AsyncWrite};
use tokio::net::TcpStream;
use tokio_rustls::TlsConnector;

use crate::InboxError;
use crate::imap::settings::{MailboxSettings, Security};

pub trait Transport: AsyncRead + AsyncWrite + Unpin + Send + Debug {}
impl<T: AsyncRead + AsyncWrite + Unpin + Send + Debug> Transport for T {}

pub type ImapSession = Session<Box<dyn Transport>>;

/// How patient to be, and which certificates to trust besides the system's.
#[derive(Debug, Clone)]
pub struct ConnectOptions {
    /// For each step: connecting, logging in, each command, each message fetched.
    pub timeout: Duration,
    /// Roots trusted besides the system's (a test server's certificate authority).
    pub extra_roots: Vec<CertificateDer<'static>>,
}

impl Default for ConnectOptions {
    fn default() -> Self {
        Self { timeout: Duration::from_secs(30), extra_roots: Vec::new() }
    }
}

pub(crate) async fn within<T, E>(
    options: &ConnectOptions,
    doing: &'static str,
    work: impl Future<Output = Result<T, E>>,
) -> Result<T, InboxError>
where
    E: Into<ImapFailure>,
{
    match tokio::time::timeout(options.timeout, work).await {
        Err(_) => Err(InboxError::Timeout(doing)),
        Ok(Err(error)) => Err(error.into().while_doing(doing)),
        Ok(Ok(value)) => Ok(value),
    }
}

/// A failure from the IMAP library or the socket, before it is said in the person's words.
pub(crate) struct ImapFailure(async_imap::error::Error);

impl From<async_imap::error::Error> for ImapFailure {
    fn from(error: async_imap::error::Error) -> Self {
        Self(error)
    }
}

impl From<std::io::Error> for ImapFailure {
    fn from(error: std::io::Error) -> Self {
        Self(async_imap::error::Error::Io(error))
    }
}

impl ImapFailure {
    pub(crate) fn while_doing(self, doing: &'static str) -> InboxError {
        use async_imap::error::Error;
        match self.0 {
            Error::ConnectionLost => InboxError::ConnectionLost(doing),
            Error::Io(error)
                if matches!(
                    error.kind(),
                    std::io::ErrorKind::UnexpectedEof
                        | std::io::ErrorKind::ConnectionReset
                        | std::io::ErrorKind::ConnectionAborted
                        | std::io::ErrorKind::BrokenPipe
                ) =>
            {
                InboxError::ConnectionLost(doing)
            }
            other => InboxError::Protocol { doing, detail: other.to_string() },
        }
    }
}

/// Connects, secures the connection as the settings say and logs in.
pub async fn connect(
    settings: &MailboxSettings,
    password: &str,
    options: &ConnectOptions,
) -> Result<ImapSession, InboxError> {
    settings.validate()?;
    let host = settings.host.trim().trim_start_matches('[').trim_end_matches(']').to_string();
    let tcp = match tokio::time::timeout(options.timeout, TcpStream::connect((host.as_str(), settings.port))).await {
        Err(_) => return Err(InboxError::Timeout("connecting")),
        Ok(Err(error)) => {
            return Err(InboxError::Connect { host: host.clone(), port: settings.port, reason: error.to_string() });
        }
        Ok(Ok(tcp)) => tcp,
    };
    let client: Client<Box<dyn Transport>> = match settings.security {
        Security::Plain => greeted(Box::new(tcp), options).await?,
        Security::Tls => greeted(Box::new(secure(tcp, &host, options).await?), options).await?,
        Security::StartTls => {
            let mut plain = greeted(Box::new(tcp), options).await?;
            within(options, "asking for STARTTLS", plain.run_command_and_check_ok("STARTTLS", None)).await?;
            let inner = plain.into_inner();
            // The plain socket back from its box: STARTTLS is negotiated on it, nothing else was read.
            let tls = secure_boxed(inner, &host, options).await?;
            Client::new(tls)
        }
    };
    match tokio::time::timeout(options.timeout, client.login(settings.user.trim(), password)).await {
        Err(_) => Err(InboxError::Timeout("logging in")),
        Ok(Err((async_imap::error::Error::No(reason), _))) => Err(InboxError::LoginRefused(reason.trim().to_string())),
        Ok(Err((error, _))) => Err(ImapFailure(error).while_doing("logging in")),
        Ok(Ok(session)) => Ok(session),
    }
}

async fn greeted(
    stream: Box<dyn Transport>,
    options: &ConnectOptions,
) -> Result<Client<Box<dyn Transport>>, InboxError> {
    let mut client = Client::new(stream);
    match tokio::time::timeout(options.timeout, client.read_response()).await {
        Err(_) => Err(InboxError::Timeout("waiting for the server's greeting")),
        Ok(Err(error)) => Err(ImapFailure::from(error).while_doing("waiting for the server's greeting")),
        Ok(Ok(None)) => Err(InboxError::ConnectionLost("waiting for the server's greeting")),
        Ok(Ok(Some(_))) => Ok(client),
    }
}

fn tls_connector(host: &str, options: &ConnectOptions) -> Result<TlsConnector, InboxError> {
    let provider = Arc::new(rustls::crypto::aws_lc_rs::default_provider());
    let tls_error = |reason: String| InboxError::Tls { host: host.to_string(), reason };
    let verifier =
        rustls_platform_verifier::Verifier::new_with_extra_roots(options.extra_roots.iter().cloned(), provider.clone())
            .map_err(|error| tls_error(error.to_string()))?;
    let config = rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|error| tls_error(error.to_string()))?
        .dangerous()
        .with_custom_certificate_verifier(Arc::new(verifier))
        .with_no_client_auth();
    Ok(TlsConnector::from(Arc::new(config)))
}

async fn secure<S>(
    stream: S,
    host: &str,
    options: &ConnectOptions,
) -> Result<tokio_rustls::client::TlsStream<S>, InboxError>
where
    S: AsyncRead + AsyncWrite + Unpin,
{
    let connector = tls_connector(host, options)?;
    let name = ServerName::try_from(host.to_string())
        .map_err(|_| InboxError::Tls { host: host.to_string(), reason: "not a valid server name".into() })?;
    match tokio::time::timeout(options.timeout, connector.connect(name, stream)).await {
        Err(_) => Err(InboxError::Timeout("setting up the secure connection")),
        Ok(Err(error)) => Err(InboxError::Tls { host: host.to_string(), reason: error.to_string() }),
        Ok(Ok(tls)) => Ok(tls),
    }
}

async fn secure_boxed(
    stream: Box<dyn Transport>,
    host: &str,
    options: &ConnectOptions,
) -> Result<Box<dyn Transport>, InboxError> {
    Ok(Box::new(secure(stream, host, options).await?))
}
