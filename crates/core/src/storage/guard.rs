//! The one guard every command that writes a file passes first: `merge -o`, the merge
//! driver's result, `agenda import -o`, save-as, `new -o` and `export -o`. It refuses the
//! files kiroku keeps beside a session (a journal holds committed remarks; written over, they
//! are gone), kiroku's own files where the command writes minutes, anything at all where the
//! command promises a new file, and links and devices where a file of kiroku's goes.

use std::io;
use std::path::{Path, PathBuf};

use super::files::{is_kiroku_file, resolve_links};
use super::paths::{journal_path, recovery_path, sibling_kind};
use crate::i18n::Lang;
use crate::platform::fs::kind;

/// What the command means to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Intent {
    /// A new file of kiroku's (a session, an agenda): nothing may be there yet.
    New,
    /// The minutes: a file there is replaced (through a link, its target); a device or a
    /// named pipe is written to as it is.
    Minutes,
    /// A regular file kiroku was handed to write its result into (git's merge driver).
    Replace,
}

/// Why a path may not be written.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Refusal {
    #[error("{} is kiroku's {what} beside a session: it is never written over", .path.display())]
    Sibling { path: PathBuf, what: &'static str },
    #[error("{} is a kiroku file (a session, agenda, journal or lock): it is never written over", .path.display())]
    KirokuFile { path: PathBuf },
    #[error("{} exists: give a new file name (nothing is written over)", .path.display())]
    Exists { path: PathBuf },
    #[error("{} is there beside {}: it may hold remarks of a session once there; move it away or restore that session first (nothing is written over)", .left.display(), .path.display())]
    LeftBehind { path: PathBuf, left: PathBuf },
    #[error("{} is {what}, not a regular file: give the file itself", .path.display())]
    NotRegular { path: PathBuf, what: &'static str },
    #[error("{} is {why}: choose another name", .path.display())]
    Forbidden { path: PathBuf, why: &'static str },
    #[error("{}: {why}", .path.display())]
    Io { path: PathBuf, why: String },
}

impl Refusal {
    /// The refusal as the command line says it.
    pub fn say(&self, lang: Lang) -> String {
        match lang {
            Lang::En => self.to_string(),
            Lang::Ja => match self {
                Refusal::Sibling { path, what } => format!(
                    "{} は記録の横に kiroku が置く{}です。上書きしません",
                    path.display(),
                    sibling_ja(what)
                ),
                Refusal::KirokuFile { path } => format!(
                    "{} は kiroku のファイル（記録・議事次第・ジャーナル・ロック）です。上書きしません",
                    path.display()
                ),
                Refusal::Exists { path } => format!(
                    "{} はすでにあります。新しいファイル名を指定してください（上書きはしません）",
                    path.display()
                ),
                Refusal::LeftBehind { path, left } => format!(
                    "{} の横に {} があります。かつてそこにあった記録の発言を持っているかもしれません。先に移すか、その記録を戻してください（上書きはしません）",
                    path.display(),
                    left.display()
                ),
                Refusal::NotRegular { path, what } => format!(
                    "{} は通常のファイルではありません（{}）。ファイルそのものを指定してください",
                    path.display(),
                    kind_ja(what)
                ),
                Refusal::Forbidden { path, why } => format!(
                    "{} は{}です。別の名前にしてください",
                    path.display(),
                    forbidden_ja(why)
                ),
                Refusal::Io { path, why } => format!("{}: {why}", path.display()),
            },
        }
    }
}

fn sibling_ja(what: &str) -> &'static str {
    match what {
        "journal" => "ジャーナル",
        "lock" => "ロックファイル",
        "recovery file" => "復旧用ファイル",
        "damaged journal kept aside" => "取り分けた損傷ジャーナル",
        _ => "一時ファイル",
    }
}

fn forbidden_ja(why: &str) -> &'static str {
    if why.contains("device name") {
        "Windows が装置のために取ってある名前"
    } else if why.contains("device path") {
        "ファイルではなく装置のパス"
    } else if why.contains("character") {
        "Windows がファイル名に使えない文字（<>:\"|?*）を含む名前"
    } else {
        "末尾が点か空白の名前（Windows はそれを落とします）"
    }
}

fn kind_ja(what: &str) -> &'static str {
    match what {
        "a symbolic link" => "シンボリックリンク",
        "a folder" => "フォルダ",
        "a named pipe" => "名前付きパイプ",
        "a device" => "デバイス",
        "a socket" => "ソケット",
        _ => "特殊なファイル",
    }
}

/// May `path` be written as `intent` says? Nothing is created or changed.
pub fn check_output(path: &Path, intent: Intent) -> Result<(), Refusal> {
    let refuse_io = |e: io::Error| Refusal::Io {
        path: path.to_path_buf(),
        why: e.to_string(),
    };
    if let Some(why) = crate::platform::fs::forbidden_name(path) {
        return Err(Refusal::Forbidden {
            path: path.to_path_buf(),
            why,
        });
    }
    // A journal, lock or recovery file by its name, and through a link by its target's.
    let target = resolve_links(path).map_err(refuse_io)?;
    for p in [path, target.as_path()] {
        if let Some(what) = sibling_kind(p) {
            return Err(Refusal::Sibling {
                path: path.to_path_buf(),
                what,
            });
        }
    }
    let there = match std::fs::symlink_metadata(path) {
        Ok(m) => Some(m),
        Err(e) if e.kind() == io::ErrorKind::NotFound => None,
        Err(e) => return Err(refuse_io(e)),
    };
    let not_regular = |what| Refusal::NotRegular {
        path: path.to_path_buf(),
        what,
    };
    match intent {
        // A journal or recovery file of a session once here may hold what nothing else does:
        // a new file there would take it for its own.
        Intent::New => match there {
            None => match [journal_path(path), recovery_path(path)]
                .into_iter()
                .find(|p| std::fs::symlink_metadata(p).is_ok())
            {
                Some(left) => Err(Refusal::LeftBehind {
                    path: path.to_path_buf(),
                    left,
                }),
                None => Ok(()),
            },
            Some(m) if m.file_type().is_file() => Err(Refusal::Exists {
                path: path.to_path_buf(),
            }),
            Some(m) => Err(not_regular(kind(&m))),
        },
        Intent::Replace => match there {
            Some(m) if m.file_type().is_file() => Ok(()),
            Some(m) => Err(not_regular(kind(&m))),
            None => Ok(()),
        },
        Intent::Minutes => {
            if std::fs::metadata(path).is_ok_and(|m| m.is_dir()) {
                return Err(not_regular("a folder"));
            }
            if is_kiroku_file(path) {
                return Err(Refusal::KirokuFile {
                    path: path.to_path_buf(),
                });
            }
            Ok(())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn siblings_and_existing_files_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let session = dir.path().join("a.ron");
        std::fs::write(&session, "Session()").unwrap();
        for name in [
            "a.ron.journal",
            "a.ron.lock",
            "a.ron.recovery",
            "a.ron.journal.damaged-20260703T150000",
        ] {
            let p = dir.path().join(name);
            for intent in [Intent::New, Intent::Minutes, Intent::Replace] {
                assert!(
                    matches!(check_output(&p, intent), Err(Refusal::Sibling { .. })),
                    "{name} {intent:?}"
                );
            }
        }
        assert!(matches!(
            check_output(&session, Intent::New),
            Err(Refusal::Exists { .. })
        ));
        assert!(matches!(
            check_output(&session, Intent::Minutes),
            Err(Refusal::KirokuFile { .. })
        ));
        let other = dir.path().join("minutes.txt");
        std::fs::write(&other, "old minutes").unwrap();
        assert_eq!(check_output(&other, Intent::Minutes), Ok(()));
        assert!(check_output(&other, Intent::New).is_err());
        assert_eq!(
            check_output(&dir.path().join("new.ron"), Intent::New),
            Ok(())
        );
        assert!(matches!(
            check_output(dir.path(), Intent::Minutes),
            Err(Refusal::NotRegular { .. })
        ));
    }
}
