//! Progress over time: two assessments side by side (each result, category and domain
//! before and after, and the items that moved), and a trend over several dated ones. Items
//! are matched by id, so assessments made with another version of the bank compare too:
//! answers to items this bank lacks are named, never silently dropped.

use serde::Serialize;
use std::collections::BTreeSet;

use super::answers::Assessment;
use super::bank::{Bank, Report};
use super::criteria::Category;
use super::csv::{push_record, BOM};
use super::provider_reports::Date;
use super::scoring::{score, Results, Scores, Status};

/// Which number a row compares.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "of", content = "id")]
pub enum Measure {
    Reliance(Report),
    OwnSoc2,
    Category(String),
    Domain(String),
}

/// One number before and after; `None` when it has no score on that side.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Delta {
    pub measure: Measure,
    pub before: Option<f64>,
    pub after: Option<f64>,
}

impl Delta {
    /// `after − before`, when both are scored.
    pub fn difference(&self) -> Option<f64> {
        self.before.zip(self.after).map(|(b, a)| a - b)
    }
}

/// How one item's answer moved between the two.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Movement {
    /// A higher level (or a level where "don't know" was).
    Improved,
    /// A lower level, or the answer removed.
    Regressed,
    /// Unanswered before, answered now.
    NewlyAnswered,
    /// Asked in only one of the two, or "not applicable" in only one.
    ScopeChanged,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ItemMove {
    pub item: String,
    pub movement: Movement,
    pub before: Status,
    pub after: Status,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Comparison {
    /// The results (each report's reliance, then the own SOC 2), then the categories, then
    /// the domains: only rows with a score on at least one side.
    pub deltas: Vec<Delta>,
    /// Items whose answer moved, in bank order.
    pub moves: Vec<ItemMove>,
    /// Ids answered in either assessment that this bank does not have (another bank
    /// version): named, not compared.
    pub missing_items: Vec<String>,
}

impl Comparison {
    pub fn moved(&self, m: Movement) -> impl Iterator<Item = &ItemMove> {
        self.moves.iter().filter(move |x| x.movement == m)
    }
}

fn status_of(s: &Scores, id: &str) -> Status {
    s.item(id).map_or(Status::Hidden, |i| i.status)
}

fn movement(before: Status, after: Status) -> Option<Movement> {
    use Status::*;
    match (before, after) {
        (b, a) if b == a => None,
        (Hidden, _) | (_, Hidden) => Some(Movement::ScopeChanged),
        (NotApplicable, _) | (_, NotApplicable) => Some(Movement::ScopeChanged),
        (Unanswered, _) => Some(Movement::NewlyAnswered),
        (_, Unanswered) => Some(Movement::Regressed),
        (b, a) => match (b.counted_level(), a.counted_level()) {
            (Some(x), Some(y)) if y > x => Some(Movement::Improved),
            (Some(x), Some(y)) if y < x => Some(Movement::Regressed),
            // Same level: "don't know" (0) against a rated 0.
            _ => (a == DontKnow)
                .then_some(Movement::Regressed)
                .or(Some(Movement::Improved)),
        },
    }
}

/// Both results' scores, keyed as [`Measure`]s, in report order then own.
fn result_scores(r: &Results) -> Vec<(Measure, Option<f64>)> {
    let mut v: Vec<(Measure, Option<f64>)> = r
        .reliance
        .iter()
        .map(|x| (Measure::Reliance(x.report), x.score.score))
        .collect();
    if let Some(o) = &r.own {
        v.push((Measure::OwnSoc2, o.score.score));
    }
    v
}

pub fn compare(
    bank: &Bank,
    before: &Assessment,
    after: &Assessment,
    today: Option<Date>,
) -> Comparison {
    let (sb, sa) = (score(bank, before), score(bank, after));
    let (rb, ra) = (
        Results::of(bank, before, &sb, today),
        Results::of(bank, after, &sa, today),
    );
    let mut deltas: Vec<Delta> = Vec::new();
    // Results: the union of both sides, in a fixed order.
    let (xb, xa) = (result_scores(&rb), result_scores(&ra));
    let order = [
        Measure::Reliance(Report::Soc1),
        Measure::Reliance(Report::Soc2),
        Measure::OwnSoc2,
    ];
    for m in order {
        let b = xb.iter().find(|(k, _)| *k == m).and_then(|(_, v)| *v);
        let a = xa.iter().find(|(k, _)| *k == m).and_then(|(_, v)| *v);
        let present = xb.iter().chain(&xa).any(|(k, _)| *k == m);
        if present {
            deltas.push(Delta {
                measure: m,
                before: b,
                after: a,
            });
        }
    }
    for c in Category::ALL {
        let b = sb.category(c).and_then(|x| x.score.score);
        let a = sa.category(c).and_then(|x| x.score.score);
        if b.is_some() || a.is_some() {
            deltas.push(Delta {
                measure: Measure::Category(c.id().to_string()),
                before: b,
                after: a,
            });
        }
    }
    for d in &bank.domains {
        let b = sb.domain(&d.id).and_then(|x| x.score.score);
        let a = sa.domain(&d.id).and_then(|x| x.score.score);
        if b.is_some() || a.is_some() {
            deltas.push(Delta {
                measure: Measure::Domain(d.id.clone()),
                before: b,
                after: a,
            });
        }
    }
    let moves = bank
        .items
        .iter()
        .filter_map(|i| {
            let (b, a) = (status_of(&sb, &i.id), status_of(&sa, &i.id));
            movement(b, a).map(|movement| ItemMove {
                item: i.id.clone(),
                movement,
                before: b,
                after: a,
            })
        })
        .collect();
    let missing_items: BTreeSet<String> = [before, after]
        .iter()
        .flat_map(|x| x.answers.keys().chain(x.archive.keys()))
        .filter(|id| bank.item(id).is_none())
        .cloned()
        .collect();
    Comparison {
        deltas,
        moves,
        missing_items: missing_items.into_iter().collect(),
    }
}

/// One dated assessment of a trend.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TrendPoint {
    pub name: String,
    /// `YYYY-MM-DD` of its last change (or creation), empty when unknown.
    pub date: String,
    /// Each result's score, keyed as in [`Comparison::deltas`].
    pub scores: Vec<(Measure, Option<f64>)>,
}

/// The results of several assessments, oldest first (by last change, then name).
pub fn trend(bank: &Bank, assessments: &[Assessment], today: Option<Date>) -> Vec<TrendPoint> {
    let mut points: Vec<TrendPoint> = assessments
        .iter()
        .map(|a| {
            let s = score(bank, a);
            let r = Results::of(bank, a, &s, today);
            let stamp = if a.updated.is_empty() {
                &a.created
            } else {
                &a.updated
            };
            TrendPoint {
                name: a.name.clone(),
                date: stamp.get(..10).unwrap_or_default().to_string(),
                scores: result_scores(&r),
            }
        })
        .collect();
    points.sort_by(|x, y| (&x.date, &x.name).cmp(&(&y.date, &y.name)));
    points
}

/// The columns of [`comparison_csv`].
pub const COMPARISON_COLUMNS: [&str; 5] = ["what", "id", "before", "after", "difference"];

fn num(v: Option<f64>) -> String {
    v.map(|x| format!("{x:.1}")).unwrap_or_default()
}

fn status_text(s: Status) -> String {
    match s {
        Status::Level(l) => l.to_string(),
        Status::DontKnow => "dont_know".into(),
        Status::NotApplicable => "not_applicable".into(),
        Status::Unanswered => "unanswered".into(),
        Status::Hidden => "not_asked".into(),
    }
}

/// The comparison as CSV for Excel: one row per score (result, category, domain), one per
/// item that moved, one per item this bank lacks.
pub fn comparison_csv(c: &Comparison) -> String {
    let mut out = String::new();
    out.push(BOM);
    push_record(&mut out, &COMPARISON_COLUMNS);
    for d in &c.deltas {
        let (what, id) = match &d.measure {
            Measure::Reliance(r) => ("reliance", r.id().to_string()),
            Measure::OwnSoc2 => ("own_soc2", String::new()),
            Measure::Category(id) => ("category", id.clone()),
            Measure::Domain(id) => ("domain", id.clone()),
        };
        push_record(
            &mut out,
            &[
                what,
                &id,
                &num(d.before),
                &num(d.after),
                &num(d.difference()),
            ],
        );
    }
    for m in &c.moves {
        let what = match m.movement {
            Movement::Improved => "improved",
            Movement::Regressed => "regressed",
            Movement::NewlyAnswered => "newly_answered",
            Movement::ScopeChanged => "scope_changed",
        };
        push_record(
            &mut out,
            &[
                what,
                &m.item,
                &status_text(m.before),
                &status_text(m.after),
                "",
            ],
        );
    }
    for id in &c.missing_items {
        push_record(&mut out, &["missing_from_bank", id.as_str(), "", "", ""]);
    }
    out
}
