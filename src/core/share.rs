//! Share links without a server: the whole assessment in the URL fragment (the part after
//! `#`, which browsers never send to a server).
//!
//! # Format (version 1)
//! `v1.` followed by the unpadded base64url (RFC 4648 §5) of a frame:
//!
//! | bytes    | content                                                            |
//! |----------|--------------------------------------------------------------------|
//! | 0..4     | `n`, the length of the deflate stream (u32, little-endian)         |
//! | 4..8     | CRC-32 (IEEE) of the deflate stream (u32, little-endian)           |
//! | 8..12    | CRC-32 of bytes 0..8: the header checks itself (little-endian)     |
//! | 12..12+n | raw deflate stream (RFC 1951, no zlib header), best compression    |
//!
//! The stream inflates to the export document of [`crate::core::exchange`] in compact JSON
//! (format, schema version, the bank id and version, the assessment with notes and
//! archive) without `exported_at`, and without the assessment's top-level fields that are
//! empty and default to empty when read (name, id, timestamps, scope, answers, archive), so
//! the decoded assessment equals the encoded one.
//!
//! # Why two checksums over the compressed bytes
//! Both are verified before anything is inflated, so a damaged link never reaches the
//! decompressor, and the error says what happened:
//! - a link cut short keeps an intact prefix: the header (if present) still checks, and
//!   the stream is shorter than `n`: [`ShareError::Truncated`];
//! - a changed character alters at most 16 consecutive bits (6 bits across a byte
//!   boundary); CRC-32 detects every error burst of up to 32 bits, so any one changed
//!   character is caught for certain, in the header or in the stream:
//!   [`ShareError::ChecksumMismatch`]. A change of the last character that only touches
//!   its unused low bits (which the encoder leaves zero) is refused the same way.
//!
//! Size: the default bank fully answered (149 items) with a short note on every third item
//! gives a fragment of about 2 KB; with a varied note on every item about 5 KB (measured in
//! `tests/share.rs`).

use miniz_oxide::inflate::TINFLStatus;
use serde_json::{Map, Value};
use std::fmt;

use super::answers::{Assessment, BankRef};
use super::bank::Bank;
use super::exchange::{self, ImportError, ImportSummary, FILE_SCHEMA_VERSION, FORMAT};
use super::text::Lang;

/// What every version-1 fragment starts with.
pub const PREFIX: &str = "v1.";

/// Largest document a link may inflate to (2 MiB), and largest fragment accepted: a guard
/// against decompression bombs and absurd input.
pub const MAX_DECOMPRESSED: usize = 2 * 1024 * 1024;

/// Compression level of miniz_oxide: 10 is its best ("uber") compression.
const LEVEL: u8 = 10;

const HEADER: usize = 12;

/// The assessment's fields that read back as empty when absent (`#[serde(default)]`).
const DEFAULTED: [&str; 7] = [
    "name", "id", "created", "updated", "scope", "answers", "archive",
];

/// A decoded share link: the assessment (reconciled with the current bank, as an import
/// would be) and what it brings; the UI shows the results read-only and offers to import.
#[derive(Debug, Clone, PartialEq)]
pub struct Shared {
    pub assessment: Assessment,
    /// Bank of the link ([`ImportSummary::file_bank`]), whether it differs from the
    /// current one, counts, archived items, warnings.
    pub summary: ImportSummary,
}

impl Shared {
    /// The bank the link was made with.
    pub fn bank(&self) -> &BankRef {
        &self.summary.file_bank
    }

    /// Whether the link was made with another bank or bank version.
    pub fn bank_differs(&self) -> bool {
        self.summary.bank_differs()
    }
}

/// Why a link cannot be opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ShareError {
    /// The link does not start with `v1.`: the prefix found (shortened).
    UnknownVersion(String),
    /// A character that base64url never uses: its position after the prefix (in
    /// characters) and the character.
    NotBase64 { position: usize, found: char },
    /// The link was cut short (or a character deleted).
    Truncated,
    /// The link was changed: a checksum does not match.
    ChecksumMismatch,
    /// The checksums match but the content does not inflate (a link not made by this app).
    NotDecompressable,
    /// The link, or what it inflates to, is larger than [`MAX_DECOMPRESSED`].
    TooLarge { limit: usize },
    /// The content is not a valid assessment (same rules as a file import).
    Invalid(ImportError),
}

impl ShareError {
    pub fn message(&self, lang: Lang) -> String {
        use ShareError::*;
        match (self, lang) {
            (UnknownVersion(_), Lang::En) => {
                "This is not a share link this version of the app can open. It may come from a newer version.".into()
            }
            (UnknownVersion(_), Lang::Zh) => {
                "此版本的应用无法打开该分享链接，它可能来自更新版本的应用。".into()
            }
            (NotBase64 { position, found }, Lang::En) => format!(
                "The link contains “{found}” (character {}), which a share link never has: it was changed when it was copied. Ask for the link again.",
                position + 1
            ),
            (NotBase64 { position, found }, Lang::Zh) => format!(
                "链接中含有分享链接不会出现的字符“{found}”（第 {} 个字符），可能在复制时被改动。请重新索取链接。",
                position + 1
            ),
            (Truncated, Lang::En) => {
                "The link is incomplete: it was probably cut off when it was copied. Ask for the whole link again.".into()
            }
            (Truncated, Lang::Zh) => "链接不完整，可能在复制时被截断。请重新索取完整链接。".into(),
            (ChecksumMismatch, Lang::En) => {
                "The link was changed after it was made (its checksum does not match), so it cannot be trusted. Ask for the link again.".into()
            }
            (ChecksumMismatch, Lang::Zh) => {
                "链接在生成后被改动过（校验和不符），无法信任其内容。请重新索取链接。".into()
            }
            (NotDecompressable, Lang::En) => {
                "The link's content cannot be unpacked: it was not made by this app.".into()
            }
            (NotDecompressable, Lang::Zh) => "无法解压链接内容：该链接并非由本应用生成。".into(),
            (TooLarge { limit }, Lang::En) => format!(
                "The link holds more data than an assessment can (over {} MB).",
                limit / (1024 * 1024)
            ),
            (TooLarge { limit }, Lang::Zh) => {
                format!("链接中的数据量超出评估可能的大小（超过 {} 兆字节）。", limit / (1024 * 1024))
            }
            (Invalid(ImportError::NewerSchema(v)), Lang::En) => format!(
                "This link was made by a newer version of the app (format {v}). Update the app to open it."
            ),
            (Invalid(ImportError::NewerSchema(v)), Lang::Zh) => {
                format!("此链接由更新版本的应用生成（格式 {v}），请更新应用后再打开。")
            }
            (Invalid(e), Lang::En) => format!(
                "The link does not hold a valid assessment. {}",
                e.message(lang)
            ),
            (Invalid(e), Lang::Zh) => format!("链接中的评估无效。{}", e.message(lang)),
        }
    }
}

impl ShareError {
    /// The technical detail, shortened, for a "details" disclosure.
    pub fn detail(&self) -> Option<String> {
        match self {
            ShareError::UnknownVersion(v) => Some(crate::core::detail::labelled("starts with", v)),
            ShareError::Invalid(e) => e.detail(),
            _ => None,
        }
    }
}

impl fmt::Display for ShareError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for ShareError {}

/// The fragment (without `#`) that carries `a`, made with `bank`. Everything travels,
/// notes and archive included; see the module documentation for the format.
pub fn encode(a: &Assessment, bank: &Bank) -> String {
    let json = document(a, bank);
    frame(&miniz_oxide::deflate::compress_to_vec(
        json.as_bytes(),
        LEVEL,
    ))
}

/// The compact export document of `a` (see the module documentation).
fn document(a: &Assessment, bank: &Bank) -> String {
    let mut assessment = match serde_json::to_value(a) {
        Ok(Value::Object(m)) => m,
        _ => Map::new(), // cannot happen for a struct; decode would then refuse the link
    };
    for key in DEFAULTED {
        let empty = match assessment.get(key) {
            Some(Value::String(s)) => s.is_empty(),
            Some(Value::Object(m)) => m.is_empty(),
            _ => false,
        };
        if empty {
            assessment.remove(key);
        }
    }
    let mut doc = Map::new();
    doc.insert("format".into(), Value::from(FORMAT));
    doc.insert("schema_version".into(), Value::from(FILE_SCHEMA_VERSION));
    let bank = BankRef::of(bank);
    let mut bank_obj = Map::new();
    bank_obj.insert("id".into(), Value::from(bank.id));
    bank_obj.insert("version".into(), Value::from(bank.version));
    doc.insert("bank".into(), Value::Object(bank_obj));
    doc.insert("assessment".into(), Value::Object(assessment));
    Value::Object(doc).to_string()
}

/// The transport layer alone: `v1.` and the base64url of the frame around a raw deflate
/// stream (header with length and checksums, see the module documentation).
/// `encode(a, bank)` is `frame(deflate(document))`; this is public so that tools and tests
/// can build links around any content.
pub fn frame(deflated: &[u8]) -> String {
    // An assessment is nowhere near 4 GiB; should it be, the link fails its checks.
    let n = u32::try_from(deflated.len()).unwrap_or(u32::MAX);
    let mut bytes = Vec::with_capacity(HEADER + deflated.len());
    bytes.extend_from_slice(&n.to_le_bytes());
    bytes.extend_from_slice(&crc32(deflated).to_le_bytes());
    let header_crc = crc32(&bytes);
    bytes.extend_from_slice(&header_crc.to_le_bytes());
    bytes.extend_from_slice(deflated);
    let mut out = String::with_capacity(PREFIX.len() + bytes.len().div_ceil(3) * 4);
    out.push_str(PREFIX);
    base64url_encode(&bytes, &mut out);
    out
}

fn le32(bytes: &[u8], at: usize) -> Option<u32> {
    let b: [u8; 4] = bytes.get(at..at + 4)?.try_into().ok()?;
    Some(u32::from_le_bytes(b))
}

/// Opens a link made by [`encode`] against the current bank. Accepts the fragment with or
/// without its leading `#` and ignores surrounding whitespace. Pure; never panics.
///
/// Checks, in order: version prefix, size, base64url alphabet, header present and intact,
/// stream complete, stream checksum, inflation within [`MAX_DECOMPRESSED`], then the same
/// validation as a file import ([`exchange::import_json`]); the assessment is reconciled
/// with `bank`.
pub fn decode(fragment: &str, bank: &Bank) -> Result<Shared, ShareError> {
    let text = fragment.trim();
    let text = text.strip_prefix('#').unwrap_or(text);
    let body = match text.split_once('.') {
        Some(("v1", body)) => body,
        Some((version, _)) => return Err(ShareError::UnknownVersion(shorten(version))),
        // "", "v", "v1": what is left of a link cut right at its start.
        None if PREFIX.starts_with(text) => return Err(ShareError::Truncated),
        None => return Err(ShareError::UnknownVersion(shorten(text))),
    };
    if body.len() > MAX_DECOMPRESSED {
        return Err(ShareError::TooLarge {
            limit: MAX_DECOMPRESSED,
        });
    }
    let (bytes, canonical) = base64url_decode(body)?;

    let (Some(n), Some(stream_crc), Some(header_crc)) =
        (le32(&bytes, 0), le32(&bytes, 4), le32(&bytes, 8))
    else {
        return Err(ShareError::Truncated);
    };
    if crc32(&bytes[..8]) != header_crc {
        return Err(ShareError::ChecksumMismatch);
    }
    let stream = &bytes[HEADER..];
    let n = usize::try_from(n).unwrap_or(usize::MAX);
    if stream.len() < n {
        return Err(ShareError::Truncated);
    }
    if stream.len() > n || crc32(stream) != stream_crc || !canonical {
        return Err(ShareError::ChecksumMismatch);
    }
    let json = miniz_oxide::inflate::decompress_to_vec_with_limit(stream, MAX_DECOMPRESSED)
        .map_err(|e| match e.status {
            TINFLStatus::HasMoreOutput => ShareError::TooLarge {
                limit: MAX_DECOMPRESSED,
            },
            _ => ShareError::NotDecompressable,
        })?;
    let value: Value = serde_json::from_slice(&json).map_err(|e| {
        ShareError::Invalid(ImportError::NotJson(crate::core::detail::json_error(&e)))
    })?;
    let import = exchange::import_value(value, bank).map_err(ShareError::Invalid)?;
    Ok(Shared {
        assessment: import.assessment,
        summary: import.summary,
    })
}

fn shorten(s: &str) -> String {
    match s.char_indices().nth(16) {
        Some((cut, _)) => format!("{}…", &s[..cut]),
        None => s.to_string(),
    }
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Appends the unpadded base64url of `bytes` to `out`.
fn base64url_encode(bytes: &[u8], out: &mut String) {
    let sym = |v: u32| char::from(ALPHABET[(v & 63) as usize]);
    for chunk in bytes.chunks(3) {
        let b = |i: usize| u32::from(chunk.get(i).copied().unwrap_or(0));
        let v = (b(0) << 16) | (b(1) << 8) | b(2);
        out.push(sym(v >> 18));
        out.push(sym(v >> 12));
        if chunk.len() > 1 {
            out.push(sym(v >> 6));
        }
        if chunk.len() > 2 {
            out.push(sym(v));
        }
    }
}

fn base64url_value(c: u8) -> Option<u32> {
    let v = match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'-' => 62,
        b'_' => 63,
        _ => return None,
    };
    Some(u32::from(v))
}

/// Decodes unpadded base64url. Returns the bytes and whether the encoding is canonical
/// (unused low bits of the last character zero). A length that no encoding has (one
/// character after the last full group) means the text was cut: [`ShareError::Truncated`].
fn base64url_decode(text: &str) -> Result<(Vec<u8>, bool), ShareError> {
    if let Some((position, found)) = text
        .chars()
        .enumerate()
        .find(|(_, c)| !c.is_ascii() || base64url_value(*c as u8).is_none())
    {
        return Err(ShareError::NotBase64 { position, found });
    }
    let input = text.as_bytes();
    if input.len() % 4 == 1 {
        return Err(ShareError::Truncated);
    }
    let mut out = Vec::with_capacity(input.len() / 4 * 3 + 2);
    let mut canonical = true;
    for chunk in input.chunks(4) {
        let mut v = 0u32;
        for (i, &c) in chunk.iter().enumerate() {
            v |= base64url_value(c).unwrap_or(0) << (18 - 6 * i);
        }
        let [_, b0, b1, b2] = v.to_be_bytes();
        match chunk.len() {
            2 => {
                out.push(b0);
                canonical &= b1 == 0;
            }
            3 => {
                out.extend_from_slice(&[b0, b1]);
                canonical &= b2 == 0;
            }
            _ => out.extend_from_slice(&[b0, b1, b2]),
        }
    }
    Ok((out, canonical))
}

/// CRC-32 (IEEE 802.3, reflected, as in zlib and PNG), bit by bit: no table to ship in the
/// WebAssembly binary; inputs are at most a few MB.
fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in bytes {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = (crc >> 1) ^ (0xEDB8_8320 & (crc & 1).wrapping_neg());
        }
    }
    !crc
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crc32_check_value() {
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        assert_eq!(crc32(b""), 0);
    }

    #[test]
    fn base64url_rfc4648_vectors() {
        let cases: [(&[u8], &str); 7] = [
            (b"", ""),
            (b"f", "Zg"),
            (b"fo", "Zm8"),
            (b"foo", "Zm9v"),
            (b"foob", "Zm9vYg"),
            (b"fooba", "Zm9vYmE"),
            (&[0xfb, 0xff, 0xbf], "-_-_"),
        ];
        for (bytes, text) in cases {
            let mut s = String::new();
            base64url_encode(bytes, &mut s);
            assert_eq!(s, text);
            assert_eq!(base64url_decode(text).unwrap(), (bytes.to_vec(), true));
        }
        // Unused bits set: decodes, but is not canonical.
        assert_eq!(base64url_decode("Zh").unwrap(), (b"f".to_vec(), false));
        assert_eq!(base64url_decode("Zm9vY"), Err(ShareError::Truncated));
        assert_eq!(
            base64url_decode("Zm+v"),
            Err(ShareError::NotBase64 {
                position: 2,
                found: '+'
            })
        );
    }
}
