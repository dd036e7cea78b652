//! The native messaging protocol browsers speak with a host program: each message a 4-byte
//! little-endian length and that many bytes of UTF-8 JSON, on standard input; each answer the same
//! on standard output. Messages over 1 MB, from another extension or not understood are refused
//! with an answer, and the host keeps reading.

use std::io::{self, Read, Write};

use serde_json::{Value, json};

/// The largest message read (the extension sends one posting).
pub const MAX_MESSAGE_BYTES: u32 = 1024 * 1024;

/// The Chromium extension's id: Chromium derives it from the public key pinned as `key` in
/// `extension/static/manifest.json` (the first 32 hex digits of its SHA-256, 0–f written a–p).
pub const CHROMIUM_EXTENSION_ID: &str = "bnhljoongkkieiiekibjipggndnmmcoi";
/// The Firefox extension's id (`browser_specific_settings.gecko.id`).
pub const FIREFOX_EXTENSION_ID: &str = "save@jobhound.app";

/// Whether the caller the browser named is the Jobhound extension: Chromium passes its origin
/// (`chrome-extension://ID/`), Firefox the manifest's path and then the extension's id.
pub fn caller_allowed(args: &[String]) -> bool {
    args.iter().any(|arg| {
        arg.trim_end_matches('/') == format!("chrome-extension://{CHROMIUM_EXTENSION_ID}")
            || arg == FIREFOX_EXTENSION_ID
    })
}

/// The fields of a successful answer (`"ok": true` is added to them).
pub type AnswerFields = serde_json::Map<String, Value>;

/// What was done with one message: what to tell the extension, or why it was refused.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    Done(AnswerFields),
    Refused(String),
}

fn answer(outcome: &Outcome) -> Value {
    match outcome {
        Outcome::Done(fields) => {
            let mut answer = fields.clone();
            answer.insert("ok".into(), Value::Bool(true));
            Value::Object(answer)
        }
        Outcome::Refused(error) => json!({"ok": false, "error": error}),
    }
}

fn write_frame(output: &mut impl Write, value: &Value) -> io::Result<()> {
    let bytes = serde_json::to_vec(value)?;
    let length = u32::try_from(bytes.len()).map_err(|_| io::Error::other("an answer over 4 GB"))?;
    output.write_all(&length.to_le_bytes())?;
    output.write_all(&bytes)?;
    output.flush()
}

/// Reads messages until the browser closes standard input, answering each. `handle` does what
/// one message asks and says what to answer; `log` hears every refusal.
pub fn serve(
    input: &mut impl Read,
    output: &mut impl Write,
    caller_ok: bool,
    handle: &mut dyn FnMut(&[u8]) -> Result<AnswerFields, String>,
    log: &mut dyn FnMut(&str),
) -> io::Result<()> {
    loop {
        let mut header = [0u8; 4];
        match input.read_exact(&mut header) {
            Ok(()) => {}
            Err(error) if error.kind() == io::ErrorKind::UnexpectedEof => return Ok(()),
            Err(error) => return Err(error),
        }
        let length = u32::from_le_bytes(header);
        let outcome = if length > MAX_MESSAGE_BYTES {
            // Read past it, without keeping it, so the next message starts where it should.
            let skipped = io::copy(&mut input.take(u64::from(length)), &mut io::sink())?;
            if skipped < u64::from(length) {
                return Ok(());
            }
            Outcome::Refused(format!("the message is {length} bytes; at most {MAX_MESSAGE_BYTES} are read"))
        } else {
            let mut body = vec![0u8; length as usize];
            match input.read_exact(&mut body) {
                Ok(()) => {}
                Err(error) if error.kind() == io::ErrorKind::UnexpectedEof => return Ok(()),
                Err(error) => return Err(error),
            }
            if !caller_ok {
                Outcome::Refused("this host answers only the Jobhound extension".into())
            } else {
                match handle(&body) {
                    Ok(fields) => Outcome::Done(fields),
                    Err(error) => Outcome::Refused(error),
                }
            }
        };
        if let Outcome::Refused(reason) = &outcome {
            log(reason);
        }
        write_frame(output, &answer(&outcome))?;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frame(body: &[u8]) -> Vec<u8> {
        let mut bytes = (body.len() as u32).to_le_bytes().to_vec();
        bytes.extend_from_slice(body);
        bytes
    }

    fn answers(mut output: &[u8]) -> Vec<Value> {
        let mut found = Vec::new();
        while output.len() >= 4 {
            let length = u32::from_le_bytes([output[0], output[1], output[2], output[3]]) as usize;
            found.push(serde_json::from_slice(&output[4..4 + length]).unwrap());
            output = &output[4 + length..];
        }
        found
    }

    #[test]
    fn every_message_is_answered_and_a_refused_one_does_not_stop_the_host() {
        let mut input = frame(b"{\"type\":\"save\"}");
        input.extend((5 * 1024 * 1024u32).to_le_bytes());
        input.extend(vec![b' '; 5 * 1024 * 1024]);
        input.extend(frame(b"second"));
        let mut output = Vec::new();
        let mut logged = Vec::new();
        let mut calls = 0;
        serve(
            &mut input.as_slice(),
            &mut output,
            true,
            &mut |body| {
                calls += 1;
                if body == b"second" {
                    Ok(json!({"job_id": 7, "new_job": true}).as_object().unwrap().clone())
                } else {
                    Err("not a job".into())
                }
            },
            &mut |reason| logged.push(reason.to_string()),
        )
        .unwrap();
        let answers = answers(&output);
        assert_eq!(answers.len(), 3);
        assert_eq!(answers[0], json!({"ok": false, "error": "not a job"}));
        assert!(answers[1]["error"].as_str().unwrap().contains("at most 1048576"));
        assert_eq!(answers[2], json!({"ok": true, "job_id": 7, "new_job": true}));
        assert_eq!(calls, 2, "the oversized message was never handed on");
        assert_eq!(logged.len(), 2);
    }

    /// Standard base64, enough for the manifest's key.
    fn base64(text: &str) -> Vec<u8> {
        let alphabet = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        let mut bits = 0u32;
        let mut count = 0;
        let mut bytes = Vec::new();
        for c in text.bytes().filter(|c| *c != b'=') {
            bits = (bits << 6) | alphabet.iter().position(|a| *a == c).unwrap() as u32;
            count += 6;
            if count >= 8 {
                count -= 8;
                bytes.push((bits >> count) as u8);
            }
        }
        bytes
    }

    #[test]
    fn the_pinned_id_is_the_one_chromium_derives_from_the_manifests_key() {
        use sha2::{Digest, Sha256};
        let manifest: Value = serde_json::from_str(include_str!("../../../../extension/static/manifest.json")).unwrap();
        let digest = Sha256::digest(base64(manifest["key"].as_str().unwrap()));
        let id: String = digest[..16]
            .iter()
            .flat_map(|byte| [byte >> 4, byte & 0x0f])
            .map(|nibble| char::from(b'a' + nibble))
            .collect();
        assert_eq!(id, CHROMIUM_EXTENSION_ID);
        assert_eq!(manifest["browser_specific_settings"]["gecko"]["id"], FIREFOX_EXTENSION_ID);
    }

    #[test]
    fn another_caller_is_answered_but_nothing_is_saved() {
        let input = frame(b"{}");
        let mut output = Vec::new();
        serve(&mut input.as_slice(), &mut output, false, &mut |_| panic!("saved for a stranger"), &mut |_| {}).unwrap();
        assert_eq!(answers(&output)[0]["ok"], false);
        assert!(caller_allowed(&[format!("chrome-extension://{CHROMIUM_EXTENSION_ID}/")]));
        assert!(caller_allowed(&[
            "/home/a/.mozilla/native-messaging-hosts/x.json".into(),
            FIREFOX_EXTENSION_ID.into()
        ]));
        assert!(!caller_allowed(&["chrome-extension://aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/".into()]));
    }
}
