//! Files attached to a service request: a configured number of them, each up to a
//! configured size and of a configured type. A type is named by the file's extension and
//! checked against the file's first bytes (text types: UTF-8 without NUL), so that a
//! file is served back only as what it is.

use crate::{Field, FieldError, Rule};

/// A type attachments may have: its extensions, its content type, and how its content
/// starts (empty for text).
struct FileType {
    extensions: &'static [&'static str],
    content_type: &'static str,
    magic: &'static [&'static [u8]],
}

const TEXT: &[&[u8]] = &[];

const TYPES: &[FileType] = &[
    FileType {
        extensions: &["pdf"],
        content_type: "application/pdf",
        magic: &[b"%PDF-"],
    },
    FileType {
        extensions: &["png"],
        content_type: "image/png",
        magic: &[b"\x89PNG\r\n\x1a\n"],
    },
    FileType {
        extensions: &["jpg", "jpeg"],
        content_type: "image/jpeg",
        magic: &[b"\xFF\xD8\xFF"],
    },
    FileType {
        extensions: &["gif"],
        content_type: "image/gif",
        magic: &[b"GIF87a", b"GIF89a"],
    },
    FileType {
        extensions: &["txt", "log"],
        content_type: "text/plain; charset=utf-8",
        magic: TEXT,
    },
    FileType {
        extensions: &["csv"],
        content_type: "text/csv; charset=utf-8",
        magic: TEXT,
    },
];

/// The longest file name kept, in characters.
pub const NAME_MAX: usize = 200;

/// How many files a request takes, how large each, of which types (by extension).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AttachmentLimits {
    pub max_files: usize,
    pub max_mb: usize,
    extensions: Vec<&'static str>,
}

impl Default for AttachmentLimits {
    /// Five files of up to 5 MB each, of every type Partnerdesk knows.
    fn default() -> Self {
        Self {
            max_files: 5,
            max_mb: 5,
            extensions: TYPES.iter().flat_map(|t| t.extensions.iter().copied()).collect(),
        }
    }
}

impl AttachmentLimits {
    /// Limits accepting the types named by `extensions` (`pdf`, `png`, `jpg`, `jpeg`,
    /// `gif`, `txt`, `log`, `csv`); an unknown one is refused, naming it.
    pub fn new(max_files: usize, max_mb: usize, extensions: &[String]) -> Result<Self, String> {
        let known = Self::default().extensions;
        let extensions = extensions
            .iter()
            .map(|e| {
                let e = e.trim().trim_start_matches('.').to_ascii_lowercase();
                known
                    .iter()
                    .find(|k| **k == e)
                    .copied()
                    .ok_or_else(|| format!("attachment type {e:?} is not one of {}", known.join(", ")))
            })
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Self {
            max_files,
            max_mb,
            extensions,
        })
    }

    /// The largest file, in bytes.
    pub fn max_bytes(&self) -> usize {
        self.max_mb.saturating_mul(1024 * 1024)
    }

    /// The accepted extensions, as a file input's `accept` lists them: `.pdf,.png`.
    pub fn accept(&self) -> String {
        self.extensions
            .iter()
            .map(|e| format!(".{e}"))
            .collect::<Vec<_>>()
            .join(",")
    }

    fn refused(&self) -> Rule {
        Rule::AttachmentTypeRefused {
            types: self.extensions.join(", "),
        }
    }
}

/// A file as a form sent it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Upload {
    pub name: String,
    pub bytes: Vec<u8>,
    /// Whether it was larger than the largest file accepted (its bytes were not kept).
    pub too_large: bool,
}

/// An attached file, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attachment {
    pub name: String,
    pub content_type: &'static str,
    pub bytes: Vec<u8>,
}

impl Attachment {
    /// Checks the files a form sent, stopping at the first refused.
    pub fn parse_all(uploads: Vec<Upload>, limits: &AttachmentLimits) -> Result<Vec<Self>, FieldError> {
        let error = |rule| FieldError::new(Field::Attachments, rule);
        if uploads.len() > limits.max_files {
            return Err(error(Rule::TooManyAttachments {
                max: limits.max_files,
            }));
        }
        uploads
            .into_iter()
            .map(|u| Self::parse(u, limits).map_err(error))
            .collect()
    }

    fn parse(upload: Upload, limits: &AttachmentLimits) -> Result<Self, Rule> {
        if upload.too_large || upload.bytes.len() > limits.max_bytes() {
            return Err(Rule::AttachmentTooLarge {
                max_mb: limits.max_mb,
            });
        }
        if upload.bytes.is_empty() {
            return Err(Rule::AttachmentEmpty);
        }
        let name = clean_name(&upload.name);
        let extension = name
            .rsplit_once('.')
            .map(|(_, e)| e.to_ascii_lowercase())
            .unwrap_or_default();
        let file_type = limits
            .extensions
            .contains(&extension.as_str())
            .then(|| TYPES.iter().find(|t| t.extensions.contains(&extension.as_str())))
            .flatten()
            .ok_or_else(|| limits.refused())?;
        let matches = if file_type.magic.is_empty() {
            std::str::from_utf8(&upload.bytes).is_ok_and(|text| !text.contains('\0'))
        } else {
            file_type.magic.iter().any(|m| upload.bytes.starts_with(m))
        };
        if !matches {
            return Err(limits.refused());
        }
        Ok(Self {
            name,
            content_type: file_type.content_type,
            bytes: upload.bytes,
        })
    }
}

/// The file's own name (no folders), without control characters, at most [`NAME_MAX`]
/// characters (its extension kept).
fn clean_name(raw: &str) -> String {
    let base = raw.rsplit(['/', '\\']).next().unwrap_or_default();
    let name: String = base.chars().filter(|c| !c.is_control()).collect();
    let name = name.trim();
    if name.chars().count() <= NAME_MAX {
        return name.to_owned();
    }
    let (stem, extension) = name.rsplit_once('.').unwrap_or((name, ""));
    let keep = NAME_MAX.saturating_sub(extension.chars().count() + 1);
    format!("{}.{extension}", stem.chars().take(keep).collect::<String>())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn upload(name: &str, bytes: &[u8]) -> Upload {
        Upload {
            name: name.into(),
            bytes: bytes.to_vec(),
            too_large: false,
        }
    }

    fn rule(uploads: Vec<Upload>, limits: &AttachmentLimits) -> Option<Rule> {
        Attachment::parse_all(uploads, limits).err().map(|e| e.rule)
    }

    #[test]
    fn files_are_what_their_names_say_or_refused() {
        let limits = AttachmentLimits::default();
        let ok = Attachment::parse_all(
            vec![
                upload("C:\\Users\\ana\\screen.PNG", b"\x89PNG\r\n\x1a\nrest"),
                upload("log.txt", "Erreur à 9 h".as_bytes()),
            ],
            &limits,
        )
        .unwrap_or_default();
        let seen: Vec<_> = ok.iter().map(|a| (a.name.as_str(), a.content_type)).collect();
        assert_eq!(
            seen,
            [
                ("screen.PNG", "image/png"),
                ("log.txt", "text/plain; charset=utf-8")
            ]
        );
        let refused = limits.refused();
        assert_eq!(
            rule(vec![upload("run.exe", b"MZ")], &limits),
            Some(refused.clone())
        );
        assert_eq!(
            rule(vec![upload("fake.pdf", b"<html>")], &limits),
            Some(refused.clone()),
            "content that isn't a PDF"
        );
        assert_eq!(rule(vec![upload("bin.txt", b"a\0b")], &limits), Some(refused));
        assert_eq!(
            rule(vec![upload("none.txt", b"")], &limits),
            Some(Rule::AttachmentEmpty)
        );
    }

    #[test]
    fn sizes_counts_and_types_follow_the_limits() {
        let limits = AttachmentLimits::new(2, 1, &["pdf".into(), ".TXT".into()]).unwrap_or_default();
        assert_eq!(limits.accept(), ".pdf,.txt");
        let big = Upload {
            too_large: true,
            ..upload("big.pdf", b"%PDF-")
        };
        assert_eq!(
            rule(vec![big], &limits),
            Some(Rule::AttachmentTooLarge { max_mb: 1 })
        );
        let over = upload("over.txt", &vec![b'a'; 1024 * 1024 + 1]);
        assert_eq!(
            rule(vec![over], &limits),
            Some(Rule::AttachmentTooLarge { max_mb: 1 })
        );
        let three = vec![
            upload("a.txt", b"a"),
            upload("b.txt", b"b"),
            upload("c.txt", b"c"),
        ];
        assert_eq!(rule(three, &limits), Some(Rule::TooManyAttachments { max: 2 }));
        assert_eq!(
            rule(vec![upload("p.png", b"\x89PNG\r\n\x1a\n")], &limits),
            Some(Rule::AttachmentTypeRefused {
                types: "pdf, txt".into()
            }),
            "a type the limits don't accept"
        );
        assert!(AttachmentLimits::new(1, 1, &["exe".into()]).is_err());
    }

    #[test]
    fn long_names_keep_their_extension() {
        let name = clean_name(&format!("{}.pdf", "a".repeat(300)));
        assert_eq!(name.chars().count(), NAME_MAX);
        assert!(name.ends_with("a.pdf"));
        assert_eq!(clean_name("../../etc/pa\u{7}ss.txt"), "pass.txt");
    }
}
