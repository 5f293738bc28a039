//! The time zone a partner user reads times in: the one chosen in Settings, else the
//! browser's (which `app.js` keeps in a cookie), else UTC. Zones are the IANA ones of the
//! system's time zone database (`/usr/share/zoneinfo`), read once; a name not in its list is
//! never opened.

use std::collections::HashMap;
use std::sync::{Arc, LazyLock, RwLock};

use time::{OffsetDateTime, UtcOffset};
use tz::TimeZone;

/// Where the system keeps the time zone database.
const ZONEINFO: &str = "/usr/share/zoneinfo";
/// The cookie the script sets to the browser's zone.
pub const COOKIE: &str = "tz";
pub const UTC: &str = "UTC";

/// Every zone a user may choose, by name: the database's zones (`zone1970.tab`,
/// `zone.tab`), the other names browsers report for them (the links of `tzdata.zi`, such as
/// `Europe/Oslo` or `Asia/Calcutta`), and UTC.
static NAMES: LazyLock<Vec<String>> = LazyLock::new(|| {
    let read = |file: &str| std::fs::read_to_string(format!("{ZONEINFO}/{file}")).unwrap_or_default();
    let mut names: Vec<String> = Vec::new();
    for table in ["zone1970.tab", "zone.tab"] {
        let text = read(table);
        let zones = text.lines().filter(|l| !l.starts_with('#'));
        names.extend(zones.filter_map(|l| l.split('\t').nth(2)).map(str::to_owned));
    }
    // "L Europe/Berlin Europe/Oslo": Europe/Oslo is another name of Europe/Berlin.
    let links = read("tzdata.zi");
    names.extend(
        links
            .lines()
            .filter_map(|l| l.strip_prefix("L "))
            .filter_map(|l| l.split(' ').nth(1))
            .filter(|name| name.contains('/'))
            .map(str::to_owned),
    );
    names.push(UTC.to_owned());
    names.sort();
    names.dedup();
    names
});

/// Zones read so far.
static LOADED: LazyLock<RwLock<HashMap<String, Arc<TimeZone>>>> = LazyLock::new(Default::default);

pub fn names() -> &'static [String] {
    &NAMES
}

/// A zone by its IANA name.
#[derive(Clone, Debug)]
pub struct Zone {
    pub name: String,
    rules: Option<Arc<TimeZone>>,
}

impl Default for Zone {
    fn default() -> Self {
        Self {
            name: UTC.to_owned(),
            rules: None,
        }
    }
}

impl Zone {
    /// The zone named `name`, if the database has it.
    pub fn named(name: &str) -> Option<Zone> {
        let name = name.trim();
        if name == UTC {
            return Some(Zone::default());
        }
        NAMES.binary_search_by(|n| n.as_str().cmp(name)).ok()?;
        if let Some(rules) = LOADED.read().ok()?.get(name) {
            return Some(Zone {
                name: name.to_owned(),
                rules: Some(Arc::clone(rules)),
            });
        }
        let rules = Arc::new(TimeZone::from_posix_tz(name).ok()?);
        if let Ok(mut loaded) = LOADED.write() {
            loaded.insert(name.to_owned(), Arc::clone(&rules));
        }
        Some(Zone {
            name: name.to_owned(),
            rules: Some(rules),
        })
    }

    /// The first of the names given that is a zone, else UTC.
    pub fn first_of<'a>(names: impl IntoIterator<Item = Option<&'a str>>) -> Zone {
        names
            .into_iter()
            .flatten()
            .find_map(Zone::named)
            .unwrap_or_default()
    }

    /// The first moment of the local day `date`: its midnight at the offset in force then.
    /// On a day the clocks change, midnight is tried at the offset of midnight UTC and at
    /// the offset in force at that first guess; the earliest that falls on `date` wins
    /// (where the clocks jump over midnight, the day begins when they land).
    pub fn start_of(&self, date: time::Date) -> OffsetDateTime {
        let midnight = date.midnight();
        let first = self.local(midnight.assume_utc()).offset();
        let guess = midnight.assume_offset(first);
        let second = self.local(guess).offset();
        [first, second]
            .into_iter()
            .map(|offset| midnight.assume_offset(offset))
            .filter(|at| self.local(*at).date() == date)
            .min()
            .unwrap_or(guess)
    }

    /// Today in the zone.
    pub fn today(&self) -> time::Date {
        self.local(OffsetDateTime::now_utc()).date()
    }

    /// `at` as the zone's clocks showed it.
    pub fn local(&self, at: OffsetDateTime) -> OffsetDateTime {
        let offset = self
            .rules
            .as_ref()
            .and_then(|r| r.find_local_time_type(at.unix_timestamp()).ok())
            .and_then(|t| UtcOffset::from_whole_seconds(t.ut_offset()).ok())
            .unwrap_or(UtcOffset::UTC);
        // At the ends of the calendar `time` can hold, the moment stays in UTC.
        at.checked_to_offset(offset).unwrap_or(at)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    #[test]
    fn zones_follow_daylight_saving_and_unknown_names_are_utc() {
        let Some(paris) = Zone::named("Europe/Paris") else {
            // A machine without the time zone database reads every time in UTC.
            assert_eq!(names(), [UTC]);
            return;
        };
        let winter = datetime!(2026-01-15 12:00 UTC);
        let summer = datetime!(2026-07-15 12:00 UTC);
        assert_eq!(paris.local(winter).hour(), 13);
        assert_eq!(paris.local(summer).hour(), 14);
        assert_eq!(paris.local(summer).unix_timestamp(), summer.unix_timestamp());
        assert!(
            Zone::named("Europe/Oslo").is_some() && Zone::named("Asia/Calcutta").is_some(),
            "other names"
        );
        for wrong in ["../../etc/passwd", "Europe/Nowhere", "", "utc/../Europe/Paris"] {
            assert!(Zone::named(wrong).is_none(), "{wrong}");
        }
        // Days begin at local midnight on the days clocks change too: Sydney moves from
        // +10 to +11 at 02:00 on 2026-10-04 and back at 03:00 on 2026-04-05, both hours
        // before midnight UTC; Santiago's clocks jump from 24:00 to 01:00 on 2026-09-06.
        let day = |zone: &str, date: time::Date| {
            Zone::named(zone)
                .map(|z| z.start_of(date).to_offset(UtcOffset::UTC))
                .unwrap_or_else(|| panic!("{zone}"))
        };
        use time::macros::date;
        assert_eq!(
            day("Australia/Sydney", date!(2026 - 10 - 04)),
            datetime!(2026-10-03 14:00 UTC)
        );
        assert_eq!(
            day("Australia/Sydney", date!(2026 - 04 - 05)),
            datetime!(2026-04-04 13:00 UTC)
        );
        assert_eq!(
            day("Australia/Sydney", date!(2026 - 07 - 01)),
            datetime!(2026-06-30 14:00 UTC)
        );
        assert_eq!(
            day("America/Santiago", date!(2026 - 09 - 06)),
            datetime!(2026-09-06 04:00 UTC)
        );
        assert_eq!(
            day("Europe/Paris", date!(2026 - 03 - 29)),
            datetime!(2026-03-28 23:00 UTC)
        );
        assert_eq!(day(UTC, date!(2026 - 03 - 29)), datetime!(2026-03-29 00:00 UTC));
        let chosen = Zone::first_of([Some("Mars/Olympus"), None, Some("Asia/Taipei")]);
        assert_eq!(chosen.name, "Asia/Taipei");
        assert_eq!(Zone::first_of([None]).name, UTC);
    }
}
