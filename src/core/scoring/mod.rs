//! Readiness scoring: transparent, weighted scores with critical-control gates and explicit
//! Type I / Type II verdicts. The method is written up in `SCORING.md` at the repository
//! root; this module is its executable form.
//!
//! Entry points:
//! - [`score`]: everything the UI shows after each answer (scores per item, criterion,
//!   category, domain and report, overall, completion, the verdict, the gap list).
//! - [`explain`]: the contributions behind any one of those scores ("why this score").
//!
//! Invariants (checked by `tests/scoring_properties.rs`):
//! - Only items visible under the assessment's scope count; answers to hidden items are
//!   ignored (kept in the assessment, not scored).
//! - A score is `100 × Σ(weight × level) / Σ(weight × 4)` over the answered, applicable
//!   items of its group, in 0–100; `None` when the group has no such item (never 0 by default).
//! - "Don't know" scores as level 0; "not applicable" leaves numerator and denominator
//!   alone, exactly as if the item were not in the bank; an unanswered item counts only in
//!   completion.
//! - Weights come only from the bank (`bank.scoring.weights`).
//! - Raising any answer never lowers any score, the verdict band or a readiness flag.
//! - The result depends only on the bank and the assessment's content (no ordering, no
//!   clock, no randomness).
//!
//! Cost: O(items × criteria-per-item) per rescore, which runs after every answer in the
//! browser. The bank's ids are resolved to positions once per bank (`index.rs`: a scoring
//! index cached per thread and checked against the bank's content on every call), so the
//! passes over the items sum integers by position, and the answers are found by one merge
//! of the item ids with the assessment's ordered answer map (`engine.rs`). `reference.rs`
//! (tests only) keeps the direct, string-keyed implementation as the oracle the optimised
//! one must match exactly. See "Performance" in `SCORING.md` for the figures.

use serde::{Serialize, Serializer};
use std::collections::BTreeMap;
use std::sync::OnceLock;

use crate::core::answers::{Assessment, Completion, Response};
use crate::core::bank::{Bank, Criticality, Item, ItemKind, Report};
use crate::core::condition::ScopeAnswers;
use crate::core::criteria::{Catalogue, Category};

mod engine;
mod explain;
mod gaps;
mod index;
mod own;
#[cfg(test)]
mod reference;
mod reliance;
mod results;
mod verdict;
mod views;

pub use engine::score;
pub use explain::{explain, Contribution, Exclusion, Explanation, Outcome, Subject};
pub use gaps::{effective_target, Gap};
pub use own::{Exclusion as NaExclusion, OwnGate, OwnGateKind, OwnReadiness};
pub use reliance::{Reliance, RelianceLevel};
pub use results::{gaps_for, Audience, Completed, CompletedOwn, CompletedReliance, Results};
pub use verdict::{AuditGoal, BandRef, Gate, GateKind, NotReady, Verdict, TYPE1_BAND, TYPE2_BAND};
pub use views::{gap_owners, GapFilter, ReviewLists};

/// How many gaps the "next steps" summary shows.
pub const NEXT_STEPS: usize = 5;

/// The top level of the maturity scale (operating with retained evidence).
const MAX_LEVEL: u8 = 4;

/// How one item stands in an assessment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "status", content = "level")]
pub enum Status {
    /// Rated 0–4.
    Level(u8),
    /// "Don't know": scores as level 0 and is listed as an open item.
    DontKnow,
    /// "Not applicable": excluded from numerator and denominator.
    NotApplicable,
    /// Asked but not answered yet: counted in completion only.
    Unanswered,
    /// Not asked under the current scope: ignored, whatever the stored answer.
    Hidden,
}

impl Status {
    /// The level that enters the score: the rating, 0 for "don't know", none otherwise.
    #[inline(always)]
    pub fn counted_level(self) -> Option<u8> {
        match self {
            Status::Level(l) => Some(l.min(MAX_LEVEL)),
            Status::DontKnow => Some(0),
            Status::NotApplicable | Status::Unanswered | Status::Hidden => None,
        }
    }

    /// Whether the item has any response (rating, "don't know" or "not applicable") and is
    /// asked: what completion counts.
    #[inline(always)]
    pub fn is_answered(self) -> bool {
        matches!(
            self,
            Status::Level(_) | Status::DontKnow | Status::NotApplicable
        )
    }
}

/// A score with the sums it comes from and the completion of its group.
///
/// Invariants: `max_points == Σ weight × 4` and `points == Σ weight × level` over the
/// counted items (rated or "don't know"), so `points <= max_points`; `score` is
/// `Some(100 × points / max_points)` exactly when `max_points > 0`; `answered <= total`,
/// where `total` counts the group's visible items and `answered` those with any response.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize)]
pub struct GroupScore {
    /// 0–100, or `None` when nothing in the group is answered and applicable.
    pub score: Option<f64>,
    pub points: u64,
    pub max_points: u64,
    /// Visible items in the group.
    pub total: usize,
    /// Visible items with a response (including "not applicable" and "don't know").
    pub answered: usize,
    pub not_applicable: usize,
    pub dont_know: usize,
}

impl GroupScore {
    /// Adds one item. Hidden items change nothing.
    fn add(&mut self, weight: u32, status: Status) {
        if status == Status::Hidden {
            return;
        }
        self.tally(Delta::of(weight, status));
        self.finish();
    }

    /// Adds one visible item's sums, leaving `score` to [`GroupScore::finish`].
    #[inline(always)]
    fn tally(&mut self, d: Delta) {
        self.total += 1;
        self.answered += d.answered;
        self.not_applicable += d.not_applicable;
        self.dont_know += d.dont_know;
        self.points += d.points;
        self.max_points += d.max_points;
    }

    /// Sets `score` from the sums.
    fn finish(&mut self) {
        self.score = percent(self.points, self.max_points);
    }

    /// Answered vs asked items of the group.
    pub fn completion(&self) -> Completion {
        Completion {
            answered: self.answered,
            total: self.total,
        }
    }
}

/// What one visible item adds to each group it belongs to.
#[derive(Debug, Clone, Copy)]
struct Delta {
    answered: usize,
    not_applicable: usize,
    dont_know: usize,
    points: u64,
    max_points: u64,
}

impl Delta {
    #[inline(always)]
    fn of(weight: u32, status: Status) -> Self {
        let (points, max_points) = status.counted_level().map_or((0, 0), |level| {
            (
                u64::from(weight) * u64::from(level),
                u64::from(weight) * u64::from(MAX_LEVEL),
            )
        });
        Delta {
            answered: usize::from(status.is_answered()),
            not_applicable: usize::from(status == Status::NotApplicable),
            dont_know: usize::from(status == Status::DontKnow),
            points,
            max_points,
        }
    }
}

/// `100 × points / max` as one correctly rounded division, so that a score which is exactly
/// a band's threshold compares equal to it.
fn percent(points: u64, max: u64) -> Option<f64> {
    (max > 0).then(|| (points.saturating_mul(100)) as f64 / max as f64)
}

/// One visible item.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ItemScore {
    pub id: String,
    pub kind: ItemKind,
    pub criticality: Criticality,
    pub weight: u32,
    pub status: Status,
    /// The level this customer should reach (see [`effective_target`]).
    pub target: u8,
    /// The item alone as a group: `total` 1, score `100 × level / 4` when counted.
    pub score: GroupScore,
}

/// One criterion of the catalogue: the items citing it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CriterionScore {
    /// The criterion id, from the built-in catalogue.
    pub id: &'static str,
    #[serde(serialize_with = "ser_category")]
    pub category: Category,
    pub score: GroupScore,
}

/// One TSC category: the items citing any of its criteria (each item once).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CategoryScore {
    #[serde(serialize_with = "ser_category")]
    pub category: Category,
    /// Security always; another category when the customer's `categories` scope answer
    /// selects it. Out-of-scope categories are still scored (their items may be asked as
    /// CUECs) but do not concern the customer's own report.
    pub in_scope: bool,
    pub score: GroupScore,
}

/// One domain of the bank.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DomainScore {
    pub id: String,
    /// Whether the domain is shown under the current scope.
    pub visible: bool,
    pub score: GroupScore,
}

/// The items that apply to one report (an item may apply to both).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReportScore {
    pub report: Report,
    /// Whether the customer says it relies on the provider's report of this kind.
    pub relied_on: bool,
    pub score: GroupScore,
}

/// Everything computed from one bank and one assessment.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Scores {
    /// All visible items; its completion is the questionnaire's completion.
    pub overall: GroupScore,
    /// Visible items, in bank order.
    pub items: Vec<ItemScore>,
    /// Every criterion of the catalogue, in catalogue order (uncited ones score `None`).
    pub criteria: Vec<CriterionScore>,
    /// The five categories, Security first ([`Category::ALL`] order).
    pub categories: Vec<CategoryScore>,
    /// Every domain of the bank, in bank order.
    pub domains: Vec<DomainScore>,
    /// SOC 1 then SOC 2.
    pub reports: Vec<ReportScore>,
    pub verdict: Verdict,
    /// Answered items below their target, most urgent first (see [`Gap`]).
    pub gaps: Vec<Gap>,
    /// Items answered "don't know", in bank order: questions to settle.
    pub open_items: Vec<String>,
}

impl Scores {
    /// Answered vs asked items of the whole questionnaire.
    pub fn completion(&self) -> Completion {
        self.overall.completion()
    }

    /// The first `n` gaps: `next_steps(NEXT_STEPS)` is the "next five steps" summary.
    pub fn next_steps(&self, n: usize) -> &[Gap] {
        &self.gaps[..n.min(self.gaps.len())]
    }

    pub fn item(&self, id: &str) -> Option<&ItemScore> {
        self.items.iter().find(|i| i.id == id)
    }

    pub fn criterion(&self, id: &str) -> Option<&CriterionScore> {
        self.criteria.iter().find(|c| c.id == id)
    }

    pub fn category(&self, category: Category) -> Option<&CategoryScore> {
        self.categories.iter().find(|c| c.category == category)
    }

    pub fn domain(&self, id: &str) -> Option<&DomainScore> {
        self.domains.iter().find(|d| d.id == id)
    }

    pub fn report(&self, report: Report) -> Option<&ReportScore> {
        self.reports.iter().find(|r| r.report == report)
    }

    /// The score of a subject, as [`explain`] recomputes it from its contributions.
    /// `None` for a hidden or unknown item, or an unknown criterion or domain.
    pub fn group(&self, subject: &Subject) -> Option<&GroupScore> {
        match subject {
            Subject::Overall => Some(&self.overall),
            Subject::Item(id) => self.item(id).map(|i| &i.score),
            Subject::Criterion(id) => self.criterion(id).map(|c| &c.score),
            Subject::Category(c) => self.category(*c).map(|c| &c.score),
            Subject::Domain(id) => self.domain(id).map(|d| &d.score),
            Subject::Report(r) => self.report(*r).map(|r| &r.score),
            // Scored by `Results`, not here.
            Subject::Reliance(_) | Subject::OwnSoc2 => None,
        }
    }
}

fn ser_category<S: Serializer>(c: &Category, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(c.id())
}

/// Position of a category in [`Category::ALL`].
fn category_index(c: Category) -> usize {
    match c {
        Category::Security => 0,
        Category::Availability => 1,
        Category::Confidentiality => 2,
        Category::ProcessingIntegrity => 3,
        Category::Privacy => 4,
    }
}

fn report_index(r: Report) -> usize {
    match r {
        Report::Soc1 => 0,
        Report::Soc2 => 1,
    }
}

/// The catalogue's criteria in order, with their category, and an index by id. Built once.
struct CriteriaIndex {
    criteria: Vec<(String, Category)>,
    position: BTreeMap<String, usize>,
}

impl CriteriaIndex {
    /// Catalogue position and category of a criterion id.
    fn lookup(&self, id: &str) -> Option<(usize, Category)> {
        let &pos = self.position.get(id)?;
        self.criteria.get(pos).map(|(_, c)| (pos, *c))
    }
}

fn criteria_index() -> &'static CriteriaIndex {
    static CELL: OnceLock<CriteriaIndex> = OnceLock::new();
    CELL.get_or_init(|| {
        // The builtin catalogue is compiled in and tested; should it ever fail to parse,
        // criteria and categories simply score nothing rather than panicking.
        let criteria: Vec<(String, Category)> = match Catalogue::builtin() {
            Ok(cat) => cat
                .criterion
                .iter()
                .filter_map(|c| cat.category_of(&c.id).map(|k| (c.id.clone(), k)))
                .collect(),
            Err(_) => Vec::new(),
        };
        let position = criteria
            .iter()
            .enumerate()
            .map(|(n, (id, _))| (id.clone(), n))
            .collect();
        CriteriaIndex { criteria, position }
    })
}

/// The categories an item belongs to (through any of its criteria), as flags in
/// [`Category::ALL`] order.
fn item_categories(item: &Item) -> [bool; 5] {
    let idx = criteria_index();
    let mut flags = [false; 5];
    for c in &item.criteria {
        if let Some((_, cat)) = idx.lookup(c) {
            flags[category_index(cat)] = true;
        }
    }
    flags
}

/// What the scope answers mean for one item at a time: the direct form of the rules that
/// [`explain`] follows item by item (`score` uses the bank's index instead).
struct Context<'a> {
    bank: &'a Bank,
    assessment: &'a Assessment,
    effective: ScopeAnswers,
    /// Domain id → (position in bank.domains, visible).
    domains: BTreeMap<&'a str, (usize, bool)>,
}

impl<'a> Context<'a> {
    fn new(bank: &'a Bank, assessment: &'a Assessment) -> Self {
        let effective = bank.effective_scope(&assessment.scope);
        let domains = bank
            .domains
            .iter()
            .enumerate()
            .map(|(n, d)| (d.id.as_str(), (n, bank.domain_visible(d, &effective))))
            .collect();
        Context {
            bank,
            assessment,
            effective,
            domains,
        }
    }

    /// Same rule as [`Bank::item_visible`]: the domain's condition and the item's own.
    fn visible(&self, item: &Item) -> bool {
        let domain_ok = self
            .domains
            .get(item.domain.as_str())
            .is_none_or(|&(_, v)| v);
        domain_ok
            && item
                .show_if
                .as_ref()
                .is_none_or(|c| c.eval(&self.effective))
    }

    fn status(&self, item: &Item) -> Status {
        if !self.visible(item) {
            return Status::Hidden;
        }
        match self.assessment.response(&item.id) {
            None => Status::Unanswered,
            Some(Response::Level(l)) => Status::Level(l.value()),
            Some(Response::DontKnow) => Status::DontKnow,
            Some(Response::NotApplicable { .. }) => Status::NotApplicable,
        }
    }

    fn weight(&self, item: &Item) -> u32 {
        self.bank.scoring.weights.of(item.criticality)
    }
}
