//! A validated question bank: every id resolves, every text exists in both languages, every
//! condition is parsed and satisfiable. The UI and scoring rely on these invariants.

use serde::Serialize;

use crate::core::condition::{Condition, ScopeAnswers};
use crate::core::text::{Text, TextList};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BankMeta {
    pub schema_version: u32,
    pub id: String,
    pub version: String,
    pub date: String,
    pub title: Text,
    /// Set when this bank extends another (a provider bank over the default).
    pub extends: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Criticality {
    Critical,
    High,
    Medium,
    Low,
}

impl Criticality {
    pub const ALL: [Criticality; 4] = [
        Criticality::Critical,
        Criticality::High,
        Criticality::Medium,
        Criticality::Low,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Criticality::Critical => "critical",
            Criticality::High => "high",
            Criticality::Medium => "medium",
            Criticality::Low => "low",
        }
    }

    pub fn from_id(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.id() == s)
    }
}

/// What an item is, in SOC terms (see content/FORMAT.md).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemKind {
    /// Complementary user entity control: the provider's controls depend on it.
    Cuec,
    /// Something the customer does to benefit from the service; not a CUEC.
    UserResponsibility,
    /// Readiness of the customer's own organisation for its SOC 2.
    Readiness,
}

impl ItemKind {
    pub const ALL: [ItemKind; 3] = [
        ItemKind::Cuec,
        ItemKind::UserResponsibility,
        ItemKind::Readiness,
    ];

    pub fn id(self) -> &'static str {
        match self {
            ItemKind::Cuec => "cuec",
            ItemKind::UserResponsibility => "user_responsibility",
            ItemKind::Readiness => "readiness",
        }
    }

    pub fn from_id(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.id() == s)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Report {
    Soc1,
    Soc2,
}

impl Report {
    pub fn id(self) -> &'static str {
        match self {
            Report::Soc1 => "soc1",
            Report::Soc2 => "soc2",
        }
    }

    pub fn from_id(s: &str) -> Option<Self> {
        [Report::Soc1, Report::Soc2]
            .into_iter()
            .find(|c| c.id() == s)
    }
}

/// Points per criticality. Weights are bank data, never code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Weights {
    pub critical: u32,
    pub high: u32,
    pub medium: u32,
    pub low: u32,
}

impl Weights {
    pub fn of(&self, c: Criticality) -> u32 {
        match c {
            Criticality::Critical => self.critical,
            Criticality::High => self.high,
            Criticality::Medium => self.medium,
            Criticality::Low => self.low,
        }
    }
}

/// A readiness band: applies from `min` (inclusive) up to the next band's `min`.
#[derive(Debug, Clone, PartialEq)]
pub struct Band {
    pub id: String,
    pub min: f64,
    pub label: Text,
    pub advice: Option<Text>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ScoringConfig {
    pub weights: Weights,
    pub default_target: u8,
    /// Ascending by `min`; the first starts at 0.
    pub bands: Vec<Band>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScopeOption {
    pub id: String,
    pub label: Text,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScopeQuestion {
    pub id: String,
    /// Any number of options (true) or exactly one (false).
    pub multiple: bool,
    pub text: Text,
    pub help: Option<Text>,
    pub show_if: Option<Condition>,
    pub options: Vec<ScopeOption>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Domain {
    pub id: String,
    pub title: Text,
    pub intro: Text,
    pub show_if: Option<Condition>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    pub id: String,
    pub domain: String,
    pub kind: ItemKind,
    pub criticality: Criticality,
    pub reports: Vec<Report>,
    pub criteria: Vec<String>,
    pub theme: Option<u8>,
    pub checkpoints: Vec<String>,
    pub show_if: Option<Condition>,
    pub never_na: bool,
    /// Level (1–4) this item should reach; `None` uses the bank's default target.
    pub target: Option<u8>,
    pub title: Text,
    pub statement: Text,
    pub why: Text,
    pub how: TextList,
    pub evidence: Text,
    pub type2: Option<Text>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Bank {
    pub meta: BankMeta,
    pub scoring: ScoringConfig,
    pub scope: Vec<ScopeQuestion>,
    pub domains: Vec<Domain>,
    pub items: Vec<Item>,
}

impl Bank {
    pub fn item(&self, id: &str) -> Option<&Item> {
        self.items.iter().find(|i| i.id == id)
    }

    pub fn domain(&self, id: &str) -> Option<&Domain> {
        self.domains.iter().find(|d| d.id == id)
    }

    pub fn scope_question(&self, id: &str) -> Option<&ScopeQuestion> {
        self.scope.iter().find(|q| q.id == id)
    }

    /// The scope answers that count: answers to scope questions hidden by their own
    /// condition are kept by the caller but ignored here, in question order (a question's
    /// condition may only refer to earlier questions).
    pub fn effective_scope(&self, answers: &ScopeAnswers) -> ScopeAnswers {
        let mut effective = ScopeAnswers::new();
        for q in &self.scope {
            let shown = q.show_if.as_ref().is_none_or(|c| c.eval(&effective));
            if let (true, Some(sel)) = (shown, answers.get(&q.id)) {
                let known: std::collections::BTreeSet<String> = sel
                    .iter()
                    .filter(|o| q.options.iter().any(|opt| &opt.id == *o))
                    .cloned()
                    .collect();
                effective.insert(q.id.clone(), known);
            }
        }
        effective
    }

    /// Whether a scope question is shown for these answers.
    pub fn scope_question_visible(&self, q: &ScopeQuestion, answers: &ScopeAnswers) -> bool {
        q.show_if
            .as_ref()
            .is_none_or(|c| c.eval(&self.effective_scope(answers)))
    }

    pub fn domain_visible(&self, d: &Domain, effective: &ScopeAnswers) -> bool {
        d.show_if.as_ref().is_none_or(|c| c.eval(effective))
    }

    /// Whether an item is asked under these (effective) scope answers: its domain's
    /// condition and its own must both hold.
    pub fn item_visible(&self, item: &Item, effective: &ScopeAnswers) -> bool {
        let domain_ok = self
            .domain(&item.domain)
            .is_none_or(|d| self.domain_visible(d, effective));
        domain_ok && item.show_if.as_ref().is_none_or(|c| c.eval(effective))
    }

    /// Items asked under the given raw scope answers, in bank order.
    pub fn visible_items<'a>(
        &'a self,
        scope: &ScopeAnswers,
    ) -> impl Iterator<Item = &'a Item> + 'a {
        let effective = self.effective_scope(scope);
        self.items
            .iter()
            .filter(move |i| self.item_visible(i, &effective))
    }

    /// Items of one domain, in bank order.
    pub fn items_of<'a>(&'a self, domain: &'a str) -> impl Iterator<Item = &'a Item> + 'a {
        self.items.iter().filter(move |i| i.domain == domain)
    }

    /// The target level of an item.
    pub fn target_of(&self, item: &Item) -> u8 {
        item.target.unwrap_or(self.scoring.default_target)
    }
}
