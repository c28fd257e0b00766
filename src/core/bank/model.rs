//! A validated question bank: every id resolves, every text exists in both languages, every
//! condition is parsed and satisfiable. The UI and scoring rely on these invariants.

use serde::Serialize;

use crate::core::condition::{Condition, ScopeAnswers};
use crate::core::criteria::Category;
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
    /// What the bank declares it covers; the coverage rule checks only that.
    pub covers: Covers,
    /// Who wrote the content, its sources and licence (shown in the app and the report).
    pub attribution: Option<Text>,
    /// The bank's own disclaimer, shown beside the app's.
    pub disclaimer: Option<Text>,
    /// Loaded as a provider's bank (`?bank=` or a picked file), not the default bank: the
    /// app then says whose words its questions are.
    pub provider: bool,
}

/// What a bank is for (`[bank.covers] purpose`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Purpose {
    /// A list of complementary user entity controls (and user responsibilities).
    Cuec,
    /// Readiness questions for the customer's own SOC 2: the coverage rule applies.
    Readiness,
}

impl Purpose {
    pub const ALL: [Purpose; 2] = [Purpose::Cuec, Purpose::Readiness];

    pub fn id(self) -> &'static str {
        match self {
            Purpose::Cuec => "cuec",
            Purpose::Readiness => "readiness",
        }
    }

    pub fn from_id(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|p| p.id() == s)
    }
}

/// A bank's declared coverage (`[bank.covers]`); each list defaults to everything.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Covers {
    pub purpose: Vec<Purpose>,
    /// The reports its items may apply to.
    pub reports: Vec<Report>,
    /// The categories whose every criterion a readiness bank covers.
    pub categories: Vec<Category>,
    /// The bank's own scope questions that may legitimately take a criterion out of scope
    /// (e.g. a controller/processor role for privacy criteria).
    pub gates: Vec<String>,
}

impl Default for Covers {
    fn default() -> Self {
        Covers {
            purpose: Purpose::ALL.to_vec(),
            reports: vec![Report::Soc1, Report::Soc2],
            categories: Category::ALL.to_vec(),
            gates: Vec::new(),
        }
    }
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

/// What an item is, in SOC terms (see content/FORMAT.md). The kind decides which result an
/// item counts in (SCORING.md §4): reliance on the provider's reports, the customer's own
/// SOC 2 readiness, or both.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemKind {
    /// Complementary user entity control: the provider's controls depend on it.
    Cuec,
    /// Something the customer does to benefit from the service; not a CUEC.
    UserResponsibility,
    /// The customer monitoring its provider: obtaining and reviewing its reports, bridge
    /// letters, carve-outs and complementary subservice organisation controls (CC9.2).
    Monitoring,
    /// The customer's own control around its use of the service, which the provider's
    /// design does not assume (its own ICFR for SOC 1, its own recovery or incident work).
    OwnControl,
    /// Readiness of the customer's own organisation for its SOC 2.
    Readiness,
}

impl ItemKind {
    pub const ALL: [ItemKind; 5] = [
        ItemKind::Cuec,
        ItemKind::UserResponsibility,
        ItemKind::Monitoring,
        ItemKind::OwnControl,
        ItemKind::Readiness,
    ];

    pub fn id(self) -> &'static str {
        match self {
            ItemKind::Cuec => "cuec",
            ItemKind::UserResponsibility => "user_responsibility",
            ItemKind::Monitoring => "monitoring",
            ItemKind::OwnControl => "own_control",
            ItemKind::Readiness => "readiness",
        }
    }

    /// Whether items of this kind count in the reliance result of the reports they name.
    pub fn counts_for_reliance(self) -> bool {
        !matches!(self, ItemKind::Readiness)
    }

    /// Whether a critical item of this kind below level 3 undermines reliance: the
    /// provider's report assumes it (CUEC) or reliance rests on it (monitoring).
    pub fn gates_reliance(self) -> bool {
        matches!(self, ItemKind::Cuec | ItemKind::Monitoring)
    }

    pub fn from_id(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.id() == s)
    }
}

/// The control objective areas a SOC 1 report's IT general controls are commonly grouped
/// in. SOC 1 reports state control objectives over financial reporting, not the Trust
/// Services Criteria, so SOC 1-only items cite these instead of criteria.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Objective {
    /// Logical access to programs and data.
    LogicalAccess,
    /// Program and infrastructure change management.
    ChangeManagement,
    /// Computer operations: job processing, backup and recovery.
    OperationsBackup,
    /// Interfaces and data transfers that feed financial reporting.
    DataInterfaces,
}

impl Objective {
    pub const ALL: [Objective; 4] = [
        Objective::LogicalAccess,
        Objective::ChangeManagement,
        Objective::OperationsBackup,
        Objective::DataInterfaces,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Objective::LogicalAccess => "logical_access",
            Objective::ChangeManagement => "change_management",
            Objective::OperationsBackup => "operations_backup",
            Objective::DataInterfaces => "data_interfaces",
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
    /// Items that must be at level 4 before the customer is ready to start its Type II
    /// observation period (e.g. evidence retention); ids of this bank's items.
    pub observation_requires: Vec<String>,
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
    pub intro: Option<Text>,
    pub show_if: Option<Condition>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    pub id: String,
    /// The item's reference in the provider's own source (e.g. `CC6.1.11`), shown beside
    /// the id; the id stays the key of answers, exports and share links.
    pub source: Option<String>,
    pub domain: String,
    pub kind: ItemKind,
    pub criticality: Criticality,
    pub reports: Vec<Report>,
    /// Trust Services Criteria; empty only for a SOC 1-only item that cites `objectives`.
    pub criteria: Vec<String>,
    /// SOC 1 control objective areas (items that apply to SOC 1).
    pub objectives: Vec<Objective>,
    /// A CUEC, user responsibility or monitoring item that is also one of the customer's own
    /// controls for its own SOC 2: answered once, it counts once in each result.
    pub also_own_soc2: bool,
    /// The provider's report states this CUEC as assumed of the customer (a provider bank
    /// says so): "not applicable" on it is a responsibility mismatch.
    pub assumed: bool,
    pub theme: Option<u8>,
    pub checkpoints: Vec<String>,
    pub show_if: Option<Condition>,
    pub never_na: bool,
    /// Level (1–4) this item should reach; `None` uses the bank's default target.
    pub target: Option<u8>,
    pub title: Text,
    pub statement: Text,
    /// Guidance is optional: a missing part hides its panel.
    pub why: Option<Text>,
    pub how: Option<TextList>,
    pub evidence: Option<Text>,
    pub type2: Option<Text>,
    /// Extra steps and evidence notes for one provider each (`Item::how_for`).
    pub for_provider: Vec<super::provider_steps::ProviderSteps>,
}

impl Item {
    /// Whether the item counts in the customer's own SOC 2 readiness: its own controls
    /// (readiness and own-control items that apply to SOC 2) and the items that say they
    /// are also one of them (`also_own_soc2`).
    pub fn counts_for_own_soc2(&self) -> bool {
        self.also_own_soc2
            || (matches!(self.kind, ItemKind::Readiness | ItemKind::OwnControl)
                && self.reports.contains(&Report::Soc2))
    }

    /// Whether the item counts in the reliance result for the provider's `report`.
    pub fn counts_for_reliance_on(&self, report: Report) -> bool {
        self.kind.counts_for_reliance() && self.reports.contains(&report)
    }

    /// The remediation steps in one language (none when the bank gives none).
    pub fn steps(&self, lang: crate::core::text::Lang) -> &[String] {
        self.how.as_ref().map_or(&[], |h| h.get(lang))
    }

    /// What an auditor asks to see, in one language ("" when the bank does not say).
    pub fn evidence_text(&self, lang: crate::core::text::Lang) -> &str {
        self.evidence.as_ref().map_or("", |e| e.get(lang))
    }

    /// Whether any of the item's texts is missing in `lang` (a provider's English-only
    /// draft): the UI marks it "not translated by the provider".
    pub fn untranslated(&self, lang: crate::core::text::Lang) -> bool {
        let texts = [
            Some(&self.title),
            Some(&self.statement),
            self.why.as_ref(),
            self.evidence.as_ref(),
            self.type2.as_ref(),
        ];
        texts.into_iter().flatten().any(|t| !t.has(lang))
            || self.how.as_ref().is_some_and(|h| !h.has(lang))
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Bank {
    pub meta: BankMeta,
    pub scoring: ScoringConfig,
    pub scope: Vec<ScopeQuestion>,
    pub domains: Vec<Domain>,
    pub items: Vec<Item>,
    /// `None` for a whole bank; for one built from the default bank's language packs
    /// (`pack.rs`), the languages it holds and whether its guidance is in.
    pub packs: Option<super::pack::Packs>,
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

    /// The band with this position (a [`crate::core::scoring::BandRef`]'s index).
    pub fn band(&self, index: usize) -> Option<&Band> {
        self.scoring.bands.get(index)
    }

    /// Whether any text of the bank is missing in `lang` (a provider's English-only draft).
    pub fn untranslated(&self, lang: crate::core::text::Lang) -> bool {
        let scope = self.scope.iter().any(|q| {
            !q.text.has(lang)
                || q.help.as_ref().is_some_and(|h| !h.has(lang))
                || q.options.iter().any(|o| !o.label.has(lang))
        });
        let domains = self
            .domains
            .iter()
            .any(|d| !d.title.has(lang) || d.intro.as_ref().is_some_and(|i| !i.has(lang)));
        !self.meta.title.has(lang)
            || scope
            || domains
            || self.items.iter().any(|i| i.untranslated(lang))
    }

    /// The target level of an item.
    pub fn target_of(&self, item: &Item) -> u8 {
        item.target.unwrap_or(self.scoring.default_target)
    }
}
