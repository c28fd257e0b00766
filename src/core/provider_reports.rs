//! The provider's reports the customer relies on: their type and period end, the customer's
//! own period end, and what those dates mean for reliance (a report too old, a gap a bridge
//! letter must cover, a report of the wrong kind). Dates are ISO `YYYY-MM-DD` strings as an
//! `<input type="date">` gives them; the core never reads the clock (the caller passes
//! today's date).

use serde::{Deserialize, Serialize};

use super::bank::Report;

/// What kind of report the provider gave the customer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReportType {
    /// Design of controls at a point in time.
    Type1,
    /// Design and operating effectiveness over a period.
    Type2,
    /// A general-use summary with no description of tests or results (SOC 2 only).
    Soc3,
}

impl ReportType {
    pub const ALL: [ReportType; 3] = [ReportType::Type1, ReportType::Type2, ReportType::Soc3];

    pub fn id(self) -> &'static str {
        match self {
            ReportType::Type1 => "type1",
            ReportType::Type2 => "type2",
            ReportType::Soc3 => "soc3",
        }
    }

    pub fn from_id(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.id() == s)
    }
}

/// One report of the provider, as the customer describes it.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ReportInfo {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<ReportType>,
    /// The last day of the period the report covers (`YYYY-MM-DD`), or empty.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub period_end: String,
}

impl ReportInfo {
    pub fn is_empty(&self) -> bool {
        self.kind.is_none() && self.period_end.is_empty()
    }
}

/// The provider's SOC 1 and SOC 2 reports and the customer's own period end.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ProviderReports {
    #[serde(default, skip_serializing_if = "ReportInfo::is_empty")]
    pub soc1: ReportInfo,
    #[serde(default, skip_serializing_if = "ReportInfo::is_empty")]
    pub soc2: ReportInfo,
    /// The customer's fiscal year end, or the end of its own audit period (`YYYY-MM-DD`).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub own_period_end: String,
}

impl ProviderReports {
    pub fn is_empty(&self) -> bool {
        self.soc1.is_empty() && self.soc2.is_empty() && self.own_period_end.is_empty()
    }

    pub fn of(&self, report: Report) -> &ReportInfo {
        match report {
            Report::Soc1 => &self.soc1,
            Report::Soc2 => &self.soc2,
        }
    }

    pub fn of_mut(&mut self, report: Report) -> &mut ReportInfo {
        match report {
            Report::Soc1 => &mut self.soc1,
            Report::Soc2 => &mut self.soc2,
        }
    }
}

/// A calendar date, counted in days since 1970-01-01.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Date(i64);

impl Date {
    /// Parses `YYYY-MM-DD` (years 1900–2999); `None` for anything else, including days a
    /// month does not have.
    pub fn parse(s: &str) -> Option<Date> {
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let num = |r: std::ops::Range<usize>| s.get(r)?.parse::<i64>().ok();
        let (y, m, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
        let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
        let days_in_month = match m {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return None,
        };
        ((1900..=2999).contains(&y) && (1..=days_in_month).contains(&d))
            .then(|| Date(days_from_civil(y, m, d)))
    }

    /// Days from `self` to `later` (negative when `later` is earlier).
    pub fn days_until(self, later: Date) -> i64 {
        later.0 - self.0
    }

    /// The date as `YYYY-MM-DD`.
    pub fn iso(self) -> String {
        let (y, m, d) = civil_from_days(self.0);
        format!("{y:04}-{m:02}-{d:02}")
    }

    /// The next day.
    pub fn next(self) -> Date {
        Date(self.0 + 1)
    }
}

/// Howard Hinnant's `days_from_civil`: days since 1970-01-01 of a proleptic Gregorian date.
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (
        if m <= 2 {
            yoe + era * 400 + 1
        } else {
            yoe + era * 400
        },
        m,
        d,
    )
}

/// A report whose period ended longer ago than this no longer supports reliance on its own.
pub const STALE_AFTER_DAYS: i64 = 365;
/// A gap longer than this is more than a bridge letter usually covers: ask for the next report.
pub const LONG_BRIDGE_DAYS: i64 = 92;

/// What the dates and type of one provider report mean for reliance.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "check")]
pub enum ReportCheck {
    /// The customer has not said which report it has, or when its period ended.
    NotDescribed,
    /// A date that is not a calendar date (`field`: `period_end` or `own_period_end`).
    BadDate { field: &'static str },
    /// The report's period ended `days` before today, more than [`STALE_AFTER_DAYS`].
    Stale { period_end: String, days: i64 },
    /// Only a Type I report: design at a point in time, no test of operation.
    Type1Only,
    /// A SOC 3 where the customer needs a SOC 2: no controls, tests or exceptions listed.
    Soc3Only,
    /// The report's period ends before the customer's: a bridge letter should cover the
    /// days from `from` to `to` (inclusive); `long` when they exceed [`LONG_BRIDGE_DAYS`].
    BridgeLetter {
        from: String,
        to: String,
        days: i64,
        long: bool,
    },
}

impl ReportCheck {
    /// Whether this finding, on its own, undermines reliance on the report.
    pub fn undermines(&self) -> bool {
        matches!(
            self,
            ReportCheck::Stale { .. } | ReportCheck::Type1Only | ReportCheck::Soc3Only
        )
    }
}

/// The findings for one report relied on, in a fixed order (description, type, age, gap).
pub fn check_report(
    report: Report,
    reports: &ProviderReports,
    today: Option<Date>,
) -> Vec<ReportCheck> {
    let info = reports.of(report);
    let mut out = Vec::new();
    if info.kind.is_none() || info.period_end.is_empty() {
        out.push(ReportCheck::NotDescribed);
    }
    match info.kind {
        Some(ReportType::Type1) => out.push(ReportCheck::Type1Only),
        Some(ReportType::Soc3) => out.push(ReportCheck::Soc3Only),
        Some(ReportType::Type2) | None => {}
    }
    let end = match (info.period_end.is_empty(), Date::parse(&info.period_end)) {
        (true, _) => None,
        (false, None) => {
            out.push(ReportCheck::BadDate {
                field: "period_end",
            });
            None
        }
        (false, Some(d)) => Some(d),
    };
    if let (Some(end), Some(today)) = (end, today) {
        let age = end.days_until(today);
        if age > STALE_AFTER_DAYS {
            out.push(ReportCheck::Stale {
                period_end: end.iso(),
                days: age,
            });
        }
    }
    let own = match (
        reports.own_period_end.is_empty(),
        Date::parse(&reports.own_period_end),
    ) {
        (true, _) => None,
        (false, None) => {
            out.push(ReportCheck::BadDate {
                field: "own_period_end",
            });
            None
        }
        (false, Some(d)) => Some(d),
    };
    if let (Some(end), Some(own)) = (end, own) {
        let days = end.days_until(own);
        if days > 0 {
            out.push(ReportCheck::BridgeLetter {
                from: end.next().iso(),
                to: own.iso(),
                days,
                long: days > LONG_BRIDGE_DAYS,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_round_trip_and_reject_impossible_days() {
        for s in ["1970-01-01", "2000-02-29", "2026-12-31", "2024-03-01"] {
            assert_eq!(Date::parse(s).map(Date::iso).as_deref(), Some(s));
        }
        for s in [
            "2025-02-29",
            "2026-13-01",
            "2026-04-31",
            "26-01-01",
            "2026/01/01",
            "",
        ] {
            assert_eq!(Date::parse(s), None, "{s}");
        }
        let a =
            Date::parse("2025-12-31").map(|d| d.days_until(Date::parse("2026-03-31").unwrap_or(d)));
        assert_eq!(a, Some(90));
    }
}
