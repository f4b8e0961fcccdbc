//! Files: round trips, byte-identical saves, permissions, atomicity under an injected fault.

mod common;

#[cfg(unix)]
use std::os::unix::fs::PermissionsExt;

use common::{EXAMPLE, sample_session};
use kiroku::storage::{
    LoadErrorKind, Loaded, load_file, load_session, save_session, session_to_string,
    write_atomic_with,
};

#[test]
fn the_sample_agenda_loads_with_its_promised_shape() {
    let plan = common::example_plan();
    assert!(plan.roster.len() >= 6);
    for slot in 1..=6 {
        assert!(plan.by_slot(slot).is_some(), "slot {slot}");
    }
    assert!(
        plan.roster
            .iter()
            .any(|p| p.honorific.as_deref() == Some("様"))
    );
    assert!(plan.agenda.len() >= 5);
    assert!(plan.agenda[0].public && plan.agenda[0].detail.is_some());
    assert_eq!(plan.agenda[0].layout, kiroku::model::Layout::Speeches);
    assert!(plan.agenda[1].public && plan.agenda[1].detail.is_some());
    assert_eq!(plan.agenda[1].layout, kiroku::model::Layout::Discussion);
    assert!(plan.agenda.iter().skip(2).filter(|i| !i.public).count() >= 2);
}

#[test]
fn load_save_load_gives_an_equal_session() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.ron");
    let session = sample_session();
    save_session(&path, &session).unwrap();
    let back = load_session(&path).unwrap();
    assert_eq!(back, session);
    // Times keep the offset they were taken in.
    assert_eq!(
        back.remarks[0].began.to_rfc3339(),
        "2026-07-03T15:00:10+09:00"
    );
}

#[test]
fn two_saves_are_byte_identical_and_readable() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a.ron"), dir.path().join("b.ron"));
    save_session(&a, &sample_session()).unwrap();
    let loaded = load_session(&a).unwrap();
    save_session(&b, &loaded).unwrap();
    let (a, b) = (std::fs::read(&a).unwrap(), std::fs::read(&b).unwrap());
    assert_eq!(a, b);
    let text = String::from_utf8(a).unwrap();
    assert!(!text.contains('\r'), "\\n line endings only");
    assert!(
        text.contains("ありがとうございます"),
        "Japanese stays raw UTF-8"
    );
    assert!(!text.contains("\\u{"), "no escaped characters");
    // One remark per block: each starts on its own line.
    assert_eq!(text.matches("\n        Remark(\n").count(), 5);
}

// Modes are Unix's: on Windows the user's folder keeps a file the user's.
#[cfg(unix)]
#[test]
fn saved_files_have_mode_0600() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.ron");
    save_session(&path, &sample_session()).unwrap();
    let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
    // Also when the file was there before with looser rights.
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
    save_session(&path, &sample_session()).unwrap();
    let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
}

#[test]
fn a_fault_before_the_rename_leaves_the_old_file_intact() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.ron");
    let old = sample_session();
    save_session(&path, &old).unwrap();
    let before = std::fs::read(&path).unwrap();

    let mut newer = old.clone();
    newer.add_remark(
        "新しい発言".into(),
        common::at(16, 0, 0),
        common::at(16, 0, 5),
    );
    let err = write_atomic_with(&path, session_to_string(&newer).as_bytes(), || {
        Err(std::io::Error::other("injected: power cut before rename"))
    })
    .unwrap_err();
    assert!(err.to_string().contains("injected"));
    assert_eq!(std::fs::read(&path).unwrap(), before);
    assert_eq!(load_session(&path).unwrap(), old);
    // Nothing else was left in the folder.
    let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().flatten().collect();
    assert_eq!(names.len(), 1);
}

#[test]
fn an_agenda_is_not_opened_as_a_session() {
    let e = load_session(std::path::Path::new(EXAMPLE)).unwrap_err();
    assert!(e.to_string().contains("kiroku new"), "{e}");
    assert!(matches!(
        load_file(std::path::Path::new(EXAMPLE)),
        Ok(Loaded::Agenda(_))
    ));
}

#[test]
fn a_newer_version_is_refused_before_field_errors() {
    let text = std::fs::read_to_string(EXAMPLE)
        .unwrap()
        .replace("version: 1,", "version: 2,\n    future_field: true,");
    let e = kiroku::storage::parse_agenda(std::path::Path::new("x.ron"), &text).unwrap_err();
    assert_eq!(e.kind, LoadErrorKind::NewerVersion);
    assert!(
        e.to_string().starts_with("x.ron:5:5: schema version 2"),
        "{e}"
    );
}
