//! Which addresses may receive the key, the resume's text and the person's notes. HTTPS anywhere;
//! plain HTTP only to this machine, or to a private network address when the person said so: on
//! any other network plain HTTP lets every hop read the key.

use std::net::IpAddr;

use crate::LlmError;

/// Refuses `base_url` when it would send the key in clear text over the internet.
pub fn check_endpoint(base_url: &str, allow_http_on_private_network: bool) -> Result<(), LlmError> {
    let url = url::Url::parse(base_url.trim()).map_err(|_| LlmError::BadUrl(base_url.to_string()))?;
    let host = match url.host() {
        Some(host) => host,
        None => return Err(LlmError::BadUrl(base_url.to_string())),
    };
    match url.scheme() {
        "https" => Ok(()),
        "http" => {
            let (loopback, private) = match host {
                url::Host::Domain(name) => {
                    let name = name.to_ascii_lowercase();
                    let name = name.trim_end_matches('.');
                    (name == "localhost" || name.ends_with(".localhost"), is_local_name(name))
                }
                url::Host::Ipv4(ip) => (ip.is_loopback(), is_private(IpAddr::V4(ip))),
                url::Host::Ipv6(ip) => (ip.is_loopback(), is_private(IpAddr::V6(ip))),
            };
            if loopback || (private && allow_http_on_private_network) {
                Ok(())
            } else if private {
                Err(LlmError::InsecureUrl(format!(
                    "{base_url} is plain http:// on your local network; confirm that this network is yours to send the key and your resume there unencrypted, or use https://"
                )))
            } else {
                Err(LlmError::InsecureUrl(format!(
                    "{base_url} is plain http:// to another host, which would send your key and resume unencrypted; use https://"
                )))
            }
        }
        _ => Err(LlmError::BadUrl(base_url.to_string())),
    }
}

fn is_private(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(ip) => ip.is_private() || ip.is_link_local(),
        // Unique local (fc00::/7) and link-local (fe80::/10) addresses.
        IpAddr::V6(ip) => (ip.segments()[0] & 0xfe00) == 0xfc00 || (ip.segments()[0] & 0xffc0) == 0xfe80,
    }
}

/// Names only a local network resolves (mDNS and the home-network suffixes).
fn is_local_name(name: &str) -> bool {
    [".local", ".lan", ".home.arpa", ".internal"].iter().any(|suffix| name.ends_with(suffix))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn https_anywhere_http_only_at_home() {
        for ok in [
            "https://api.openai.com/v1",
            "http://localhost:11434/v1",
            "http://127.0.0.1:1234/v1",
            "http://[::1]:8080/v1",
            "http://ollama.localhost/v1",
        ] {
            assert_eq!(check_endpoint(ok, false), Ok(()), "{ok}");
        }
        for private in [
            "http://192.168.1.20:11434/v1",
            "http://10.0.0.5/v1",
            "http://desktop.local:1234/v1",
            "http://[fd00::1]/v1",
        ] {
            assert!(matches!(check_endpoint(private, false), Err(LlmError::InsecureUrl(_))), "{private}");
            assert_eq!(check_endpoint(private, true), Ok(()), "{private} once confirmed");
        }
        for remote in [
            "http://api.openai.com/v1",
            "http://8.8.8.8/v1",
            "http://localhost.evil.example/v1",
            "http://[2001:db8::1]/v1",
        ] {
            assert!(matches!(check_endpoint(remote, true), Err(LlmError::InsecureUrl(_))), "{remote}");
        }
        assert!(matches!(check_endpoint("ftp://localhost/v1", false), Err(LlmError::BadUrl(_))));
    }
}
