//! The wall clock and the time zone remarks are stamped in. chrono falls back to UTC without a
//! word when it cannot find the local zone; a note-taker must be told instead, since every
//! time in the minutes would be off by hours.

use std::path::Path;

use chrono::{FixedOffset, Local, SubsecRound, Utc};

use crate::model::Timestamp;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ZoneSource {
    /// `--utc-offset` on the command line.
    Setting(FixedOffset),
    /// The `TZ` environment variable.
    TzVariable,
    /// `/etc/localtime`.
    System,
    /// Nothing to go by: UTC, and the user is told.
    Unknown,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Clock {
    pub source: ZoneSource,
    /// A test's hand on the clock: a file holding the time to read (see [`TEST_CLOCK`]).
    set_by: Option<&'static Path>,
}

/// The environment variable that names a file whose RFC 3339 time is what the clock reads,
/// so that end-to-end tests set the time of each remark instead of sleeping. For tests
/// only; nothing else should set it. An unreadable file gives the real time.
pub const TEST_CLOCK: &str = "KIROKU_TEST_CLOCK";

/// The file [`TEST_CLOCK`] names, read from the environment once per process: the clock is
/// copied into every loop and reads the file, never the environment, on each tick.
fn test_clock_file() -> Option<&'static Path> {
    static FILE: std::sync::OnceLock<Option<std::path::PathBuf>> = std::sync::OnceLock::new();
    FILE.get_or_init(|| {
        std::env::var_os(TEST_CLOCK)
            .filter(|v| !v.is_empty())
            .map(std::path::PathBuf::from)
    })
    .as_deref()
}

impl Clock {
    /// Decides where local time comes from: the setting wins, then `TZ`, then the system.
    pub fn detect(setting: Option<FixedOffset>) -> Self {
        let source = match setting {
            Some(offset) => ZoneSource::Setting(offset),
            None if std::env::var_os("TZ").is_some_and(|v| !v.is_empty()) => ZoneSource::TzVariable,
            None if crate::platform::dirs::zone_known() => ZoneSource::System,
            None => ZoneSource::Unknown,
        };
        Self {
            source,
            set_by: test_clock_file(),
        }
    }

    /// Now, to the second, in the zone decided above.
    pub fn now(&self) -> Timestamp {
        if let Some(set) = self
            .set_by
            .and_then(|path| std::fs::read_to_string(path).ok())
            .and_then(|text| chrono::DateTime::parse_from_rfc3339(text.trim()).ok())
        {
            return set.trunc_subsecs(0);
        }
        let now = match self.source {
            ZoneSource::Setting(offset) => Utc::now().with_timezone(&offset),
            ZoneSource::TzVariable | ZoneSource::System => Local::now().fixed_offset(),
            ZoneSource::Unknown => Utc::now().fixed_offset(),
        };
        now.trunc_subsecs(0)
    }

    /// What to tell the user when times will be in UTC for want of a zone.
    pub fn warning(&self) -> Option<&'static str> {
        (self.source == ZoneSource::Unknown).then_some(
            "the local time zone is unknown (no TZ, no /etc/localtime): times are in UTC; set TZ=Asia/Tokyo or pass --utc-offset +09:00",
        )
    }
}

/// Parses `+09:00`, `-05:30` or `Z` for `--utc-offset`.
pub fn parse_offset(s: &str) -> Result<FixedOffset, String> {
    if s.eq_ignore_ascii_case("z") || s.eq_ignore_ascii_case("utc") {
        return Ok(FixedOffset::east_opt(0).expect("zero is a valid offset"));
    }
    s.parse::<FixedOffset>()
        .map_err(|_| format!("`{s}` is not a UTC offset: expected something like +09:00"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn setting_wins_and_is_used() {
        let offset = parse_offset("+09:00").unwrap();
        let clock = Clock::detect(Some(offset));
        assert_eq!(clock.now().offset(), &offset);
        assert!(clock.warning().is_none());
    }

    #[test]
    fn unknown_zone_says_so() {
        let clock = Clock {
            source: ZoneSource::Unknown,
            set_by: None,
        };
        assert!(clock.warning().unwrap().contains("UTC"));
        assert_eq!(clock.now().offset().local_minus_utc(), 0);
    }

    #[test]
    fn offsets_parse_or_explain() {
        assert_eq!(
            parse_offset("-05:30").unwrap().local_minus_utc(),
            -(5 * 3600 + 1800)
        );
        assert_eq!(parse_offset("Z").unwrap().local_minus_utc(), 0);
        assert!(parse_offset("Tokyo").unwrap_err().contains("+09:00"));
    }
}
