//! The saving policy on a simulated disk, in the manner of SQLite's own tests: a disk that
//! loses power (unsynced writes dropped, the last one torn at a random byte), and one that
//! fills up or fails (ENOSPC, EIO) at the N-th write for every N of a scripted session.

mod common;

use std::cell::RefCell;
use std::collections::HashMap;
use std::io;
use std::path::{Path, PathBuf};
use std::rc::Rc;
use std::time::{Duration, Instant};

use common::{app_with, at, example_plan, press};
use kiroku::app::{App, SaveStatus};
use kiroku::i18n::Lang;
use kiroku::model::Session;
use kiroku::recorder::Recorder;
use kiroku::storage::journal::Sink;
use kiroku::storage::{Fs, Store};

#[derive(Default, Clone)]
struct SimFile {
    /// What survives a power cut.
    durable: Vec<u8>,
    /// Written but not yet synced.
    pending: Vec<u8>,
    /// How much of `pending` a sync was asked for that has not finished (slow syncs).
    asked: usize,
}

#[derive(Default)]
struct Disk {
    files: HashMap<PathBuf, SimFile>,
    /// Write operations so far (atomic replacements, appends, syncs).
    ops: usize,
    /// From this operation on, every write fails with this error until cleared.
    fail_from: Option<(usize, io::ErrorKind)>,
    /// Faults actually injected.
    failures: usize,
    /// Syncs finish only when `finish_syncs` is called, as on a slow disk where the journal's
    /// fsync runs on its own thread.
    slow_syncs: bool,
}

impl Disk {
    fn op(&mut self) -> io::Result<()> {
        self.ops += 1;
        match self.fail_from {
            Some((n, kind)) if self.ops >= n => {
                self.failures += 1;
                Err(io::Error::new(kind, "injected fault"))
            }
            _ => Ok(()),
        }
    }
}

#[derive(Clone, Default)]
struct SimFs(Rc<RefCell<Disk>>);

struct SimSink {
    disk: Rc<RefCell<Disk>>,
    path: PathBuf,
}

impl Fs for SimFs {
    fn write_atomic(&self, path: &Path, bytes: &[u8]) -> io::Result<()> {
        let mut d = self.0.borrow_mut();
        d.op()?;
        // Temporary file, fsync, rename, fsync of the folder: durable at once, all or nothing.
        d.files.insert(
            path.to_path_buf(),
            SimFile {
                durable: bytes.to_vec(),
                pending: Vec::new(),
                asked: 0,
            },
        );
        Ok(())
    }

    fn append(&self, path: &Path) -> io::Result<Box<dyn Sink>> {
        Ok(Box::new(SimSink {
            disk: Rc::clone(&self.0),
            path: path.to_path_buf(),
        }))
    }
}

impl Sink for SimSink {
    fn write_all(&mut self, bytes: &[u8]) -> io::Result<()> {
        let mut d = self.disk.borrow_mut();
        let failed = d.op();
        let f = d.files.entry(self.path.clone()).or_default();
        match failed {
            Ok(()) => {
                f.pending.extend_from_slice(bytes);
                Ok(())
            }
            Err(e) => {
                // A full disk takes part of a write before it refuses the rest.
                f.pending.extend_from_slice(&bytes[..bytes.len() / 2]);
                Err(e)
            }
        }
    }

    fn sync(&mut self) -> io::Result<()> {
        let mut d = self.disk.borrow_mut();
        d.op()?;
        let slow = d.slow_syncs;
        let f = d.files.entry(self.path.clone()).or_default();
        if slow {
            f.asked = f.pending.len();
        } else {
            let pending = std::mem::take(&mut f.pending);
            f.durable.extend(pending);
        }
        Ok(())
    }

    fn synced(&self) -> bool {
        self.disk
            .borrow()
            .files
            .get(&self.path)
            .is_none_or(|f| f.asked == 0)
    }
}

impl SimFs {
    /// The slow syncs asked for so far finish.
    fn finish_syncs(&self) {
        for f in self.0.borrow_mut().files.values_mut() {
            let done: Vec<u8> = f.pending.drain(..f.asked).collect();
            f.durable.extend(done);
            f.asked = 0;
        }
    }

    /// The disk after the power goes: synced bytes stay; of the unsynced, the last write is
    /// torn at `cut` (a fraction of what was pending).
    fn after_power_cut(&self, dir: &Path, cut: f64) {
        for (path, f) in &self.0.borrow().files {
            let keep = (f.pending.len() as f64 * cut) as usize;
            let mut bytes = f.durable.clone();
            bytes.extend_from_slice(&f.pending[..keep]);
            std::fs::write(dir.join(path.file_name().unwrap()), bytes).unwrap();
        }
    }

    /// The disk as it stands, everything written (a process that died, not the power).
    fn as_written(&self, dir: &Path) {
        self.after_power_cut(dir, 1.0);
    }
}

/// A session being typed into on the simulated disk, with a simulated clock.
struct Sim {
    app: App,
    rec: Recorder,
    start: Instant,
    ms: u64,
    saw_error: bool,
    /// With slow syncs: the disk, to finish syncs now and then and to check that whatever
    /// the header shows as saved survives a power cut.
    slow: Option<SimFs>,
    /// Times the header said saved and a power cut then was checked.
    saved_checks: usize,
}

impl Sim {
    fn new(fs: &SimFs) -> Self {
        let session = Session::new(example_plan()).unwrap();
        let start = Instant::now();
        let store =
            Store::create_with(Box::new(fs.clone()), Path::new("s.ron"), &session, start).unwrap();
        Self {
            app: app_with(session, Lang::Ja),
            rec: Recorder::new(store, start),
            start,
            ms: 0,
            saw_error: false,
            slow: None,
            saved_checks: 0,
        }
    }

    fn wall(&self) -> kiroku::model::Timestamp {
        at(15, 0, 0) + chrono::Duration::milliseconds(self.ms as i64)
    }

    fn mono(&self) -> Instant {
        self.start + Duration::from_millis(self.ms)
    }

    /// Keys, then the loop's work, then `ms` of ticking four times a second.
    fn keys(&mut self, keys: &str, ms: u64) {
        let (wall, mono) = (self.wall(), self.mono());
        let step = press(&mut self.app, keys, wall);
        self.rec.carry_out(&mut self.app, step, wall, mono);
        self.note();
        let end = self.ms + ms;
        while self.ms < end {
            self.ms = (self.ms + 250).min(end);
            if let Some(fs) = &self.slow
                && self.ms.is_multiple_of(750)
            {
                fs.finish_syncs();
            }
            let (wall, mono) = (self.wall(), self.mono());
            self.rec.tick(&mut self.app, wall, mono);
            self.note();
        }
    }

    fn note(&mut self) {
        self.saw_error |= matches!(self.app.save, SaveStatus::Error(_));
        let shown_saved = matches!(self.app.save, SaveStatus::Saved(_)) && !self.app.dirty;
        if let (Some(fs), true) = (&self.slow, shown_saved) {
            // The power goes now: only what finished syncing is left.
            let recovered = reopen(fs, Some(0.0));
            let texts = |s: &Session| s.remarks.iter().map(|r| r.text.clone()).collect::<Vec<_>>();
            assert_eq!(
                texts(&recovered),
                texts(&self.app.session),
                "at {} ms the header said saved",
                self.ms
            );
            self.saved_checks += 1;
        }
    }
}

/// A few minutes of a meeting: speakers, items, off the record, drafts typed slowly.
fn script(sim: &mut Sim, mut after_step: impl FnMut(&mut Sim, usize)) {
    let steps: &[(&str, u64)] = &[
        ("<A-1>", 100),
        ("本日は", 400),
        ("お集まりいただき", 900),
        ("<Enter>", 300),
        ("<A-3>利用率の", 700),
        ("推移について", 1200),
        ("<Enter><A-2>", 200),
        ("前年度比で", 1500),
        ("二割増えている", 600),
        ("<Enter><C-n>", 400),
        ("<C-o>内密の", 800),
        ("話<Enter><C-o>", 300),
        ("<Tab>議題3について", 2200),
        ("<C-t><Enter>", 400),
        ("まとめると", 900),
        ("<Enter>", 61_000),
        ("<A-4>最後に", 700),
        ("一言", 300),
    ];
    for (i, (keys, ms)) in steps.iter().enumerate() {
        sim.keys(keys, *ms);
        after_step(sim, i);
    }
}

fn reopen(fs: &SimFs, cut: Option<f64>) -> Session {
    let dir = tempfile::tempdir().unwrap();
    match cut {
        Some(c) => fs.after_power_cut(dir.path(), c),
        None => fs.as_written(dir.path()),
    }
    let (session, _, _) = Store::open(&dir.path().join("s.ron")).expect("every file loads");
    session
}

fn without_draft(s: &Session) -> Session {
    let mut s = s.clone();
    s.live.draft = None;
    s
}

#[test]
fn a_power_cut_at_any_step_keeps_every_commit_and_all_but_two_seconds() {
    let mut trials = 0;
    for step in 0..18 {
        for cut in [0.0, 0.37, 0.99] {
            let fs = SimFs::default();
            let mut sim = Sim::new(&fs);
            // What the app held after each step: (ms, session, unfinished input).
            let mut history: Vec<(u64, Session, String)> = Vec::new();
            let mut snapshot = None;
            script(&mut sim, |sim, i| {
                history.push((
                    sim.ms,
                    without_draft(&sim.app.session),
                    sim.app.editor.text().to_owned(),
                ));
                if i == step {
                    snapshot = Some(fs.0.borrow().files.clone());
                }
            });
            // The power goes right after `step`.
            let at_cut = SimFs::default();
            at_cut.0.borrow_mut().files = snapshot.unwrap();
            let recovered = reopen(&at_cut, Some(cut));
            let (cut_ms, held, draft) = &history[step];
            trials += 1;
            let texts = |s: &Session| s.remarks.iter().map(|r| r.text.clone()).collect::<Vec<_>>();
            assert_eq!(
                texts(&recovered),
                texts(held),
                "step {step} cut {cut}: every commit kept"
            );
            let got = recovered.live.draft.map(|d| d.text).unwrap_or_default();
            assert!(
                draft.starts_with(&got),
                "step {step} cut {cut}: {got:?} vs {draft:?}"
            );
            // What was typed two seconds before the cut is there.
            if let Some((_, s, older)) = history[..=step]
                .iter()
                .rev()
                .find(|(ms, _, _)| *ms + 2000 <= *cut_ms)
                && s.remarks.len() == held.remarks.len()
            {
                assert!(
                    got.len() >= older.len(),
                    "step {step} cut {cut}: lost more than two seconds: {got:?}, had {older:?}"
                );
            }
        }
    }
    eprintln!("power cuts: {trials} trials, 0 committed remarks lost");
}

/// The journal's fsync runs on a thread of its own and may take a while: the header says
/// saved only once it has finished, so a power cut at any moment it says so loses nothing.
#[test]
fn saved_in_the_header_means_on_the_disk_even_when_syncs_are_slow() {
    let fs = SimFs::default();
    fs.0.borrow_mut().slow_syncs = true;
    let mut sim = Sim::new(&fs);
    sim.slow = Some(fs.clone());
    script(&mut sim, |_, _| {});
    assert!(
        sim.saved_checks > 20,
        "saved was shown: {}",
        sim.saved_checks
    );
    eprintln!(
        "slow syncs: saved shown {} times, a power cut at each lost nothing",
        sim.saved_checks
    );
}

#[test]
fn enospc_and_eio_at_every_write_lose_nothing_and_are_shown() {
    // How many writes a clean run makes.
    let fs = SimFs::default();
    let mut sim = Sim::new(&fs);
    script(&mut sim, |_, _| {});
    let clean = without_draft(&sim.app.session);
    let total = fs.0.borrow().ops;
    assert!(total > 20, "the script writes: {total}");
    let mut trials = 0;
    let mut faults = 0;
    for kind in [io::ErrorKind::StorageFull, io::ErrorKind::Other] {
        for n in 1..=total {
            let fs = SimFs::default();
            let mut sim = Sim::new(&fs);
            let base = fs.0.borrow().ops;
            fs.0.borrow_mut().fail_from = Some((base + n, kind));
            let mut first_failure = None;
            script(&mut sim, |_, i| {
                // The disk is freed (or the fault clears) two steps after it first struck.
                let failed = fs.0.borrow().failures > 0;
                if failed && first_failure.is_none() {
                    first_failure = Some(i);
                }
                if first_failure.is_some_and(|f| i >= f + 2) {
                    fs.0.borrow_mut().fail_from = None;
                }
            });
            fs.0.borrow_mut().fail_from = None;
            // Whatever was still failing, a later save succeeds once the fault clears.
            let (wall, mono) = (sim.wall(), sim.mono());
            sim.ms += 2000;
            sim.rec
                .tick(&mut sim.app, wall, mono + Duration::from_secs(2));
            sim.rec
                .fold(&mut sim.app, wall, mono + Duration::from_secs(3));
            assert!(
                matches!(sim.app.save, SaveStatus::Saved(_)),
                "write {n} ({kind:?}): {:?}",
                sim.app.save
            );
            assert_eq!(
                without_draft(&sim.app.session),
                clean,
                "write {n}: the app kept everything"
            );
            let disk = reopen(&fs, None);
            assert_eq!(
                without_draft(&disk),
                clean,
                "write {n} ({kind:?}): nothing lost on disk"
            );
            assert_eq!(
                disk.live.draft,
                sim.app.draft(),
                "write {n}: the unfinished input too"
            );
            if fs.0.borrow().failures > 0 {
                assert!(
                    sim.saw_error,
                    "write {n} of {total} ({kind:?}): the error was shown"
                );
                faults += 1;
            }
            trials += 1;
        }
    }
    assert!(faults > trials / 2, "most runs hit their fault");
    eprintln!(
        "fault injection: {trials} runs (ENOSPC and EIO at each of {total} writes), {faults} hit a fault, 0 losses"
    );
}
