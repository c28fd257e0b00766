//! The scoring index of a bank: everything [`score`](super::score) needs that does not depend
//! on the assessment, resolved once from ids to positions (criterion → catalogue position
//! and category, item → domain position, conditions → a table of `question:option` terms,
//! items in id order for the answer lookup), so that a rescore looks nothing up by string
//! except the answers.
//!
//! An index is built on the first rescore against a bank and kept in a small per-thread
//! cache. A cached index is reused only when it still matches the bank's content: the index
//! records, length-prefixed, every field it was derived from (weights, default target,
//! scope questions and options, domains, and for each item its id, domain, kind,
//! criticality, target, reports, criteria and condition), and a lookup replays the bank
//! against that record. Texts, bands and `never_na` are not recorded: the index does not use
//! them. A bank edited in place, or a different bank at a reused address, therefore gets a
//! fresh index instead of a stale one; the check costs one short comparison per field.

use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;

use super::{category_index, criteria_index, report_index, MAX_LEVEL};
use crate::core::answers::{Assessment, ItemAnswer};
use crate::core::bank::{Bank, Criticality, ItemKind};
use crate::core::condition::Condition;
use crate::core::criteria::Category;

/// How many indexes each thread keeps (the UI scores against one or two banks).
const CACHE_SIZE: usize = 4;

/// A `show_if` condition over the term table: true when any clause holds; a clause holds
/// when each of its terms' value differs from the term's `negated`.
#[derive(Debug)]
struct Compiled {
    clauses: Vec<Vec<(usize, bool)>>,
}

impl Compiled {
    fn eval(&self, terms: &[bool]) -> bool {
        self.clauses.iter().any(|clause| {
            clause
                .iter()
                .all(|&(t, negated)| terms.get(t).copied().unwrap_or(false) != negated)
        })
    }
}

/// One scope question, in bank order.
#[derive(Debug)]
struct ScopeEntry {
    show_if: Option<Compiled>,
    /// The terms about this question: (term, whether the question has that option).
    terms: Vec<(usize, bool)>,
}

/// One item, in bank order.
#[derive(Debug)]
pub(super) struct ItemEntry {
    /// The bank's weight for the item's criticality.
    pub weight: u32,
    /// The bank's target for the item, at most [`MAX_LEVEL`] (before the audit goal).
    pub target: u8,
    pub kind: ItemKind,
    pub criticality: Criticality,
    /// Bit `n` set when the item cites a criterion of `Category::ALL[n]`.
    pub categories: u8,
    /// How many times the item lists SOC 1 and SOC 2.
    pub reports: [u32; 2],
    /// Position in `bank.domains` of the domain the item's `domain` id resolves to (the
    /// last domain with that id), `None` when no domain has it.
    pub domain: Option<usize>,
    /// Range of [`ScoringIndex::item_criteria`]: the catalogue positions of the distinct
    /// catalogue criteria the item cites.
    criteria: (usize, usize),
    /// The item's criteria as in the bank, shared by every gap on the item.
    pub criteria_ids: Arc<[String]>,
    show_if: Option<Compiled>,
}

/// See the module documentation.
#[derive(Debug)]
pub(super) struct ScoringIndex {
    /// Address of the bank it was built from: tried first, then checked by `record`.
    address: usize,
    /// The bank fields the index derives from, as written by [`walk`].
    record: Vec<u8>,
    pub items: Vec<ItemEntry>,
    item_criteria: Vec<usize>,
    /// Item positions ordered by item id (byte order, the order of `Assessment::answers`).
    by_id: Vec<usize>,
    /// The distinct `question:option` terms of every condition, plus those scoring reads.
    terms: Vec<(String, String)>,
    scope: Vec<ScopeEntry>,
    /// Per domain position: its condition.
    domain_show_if: Vec<Option<Compiled>>,
    /// Per domain position: the position its id resolves to (the last domain with that id).
    pub domain_resolves_to: Vec<usize>,
    /// Terms `own_audit:none`, `own_audit:type1`, `own_audit:type2`.
    pub own_audit: [usize; 3],
    /// Terms `categories:<id>` in `Category::ALL` order.
    pub categories: [usize; 5],
    /// Terms `reliance:soc1`, `reliance:soc2`.
    pub reliance: [usize; 2],
}

/// The index for a bank, from this thread's cache (most recently used first) or built now.
pub(super) fn of(bank: &Bank) -> Rc<ScoringIndex> {
    thread_local! {
        static CACHE: RefCell<Vec<Rc<ScoringIndex>>> = const { RefCell::new(Vec::new()) };
    }
    let address = std::ptr::from_ref(bank) as usize;
    CACHE.with(|cell| {
        let Ok(mut cache) = cell.try_borrow_mut() else {
            // Only a re-entrant call could get here; it works without the cache.
            return Rc::new(ScoringIndex::build(bank));
        };
        match cache
            .iter()
            .position(|ix| ix.address == address && ix.matches(bank))
        {
            Some(n) => {
                let ix = cache.remove(n);
                cache.insert(0, ix);
            }
            None => {
                cache.retain(|old| old.address != address);
                cache.insert(0, Rc::new(ScoringIndex::build(bank)));
                cache.truncate(CACHE_SIZE);
            }
        }
        match cache.first() {
            Some(ix) => Rc::clone(ix),
            None => Rc::new(ScoringIndex::build(bank)),
        }
    })
}

/// Builds the term table while compiling conditions.
#[derive(Default)]
struct Terms(Vec<(String, String)>);

impl Terms {
    fn of(&mut self, question: &str, option: &str) -> usize {
        match self
            .0
            .iter()
            .position(|(q, o)| q == question && o == option)
        {
            Some(n) => n,
            None => {
                self.0.push((question.to_string(), option.to_string()));
                self.0.len() - 1
            }
        }
    }

    fn compile(&mut self, c: &Condition) -> Compiled {
        Compiled {
            clauses: c
                .clauses
                .iter()
                .map(|clause| {
                    clause
                        .iter()
                        .map(|t| (self.of(&t.question, &t.option), t.negated))
                        .collect()
                })
                .collect(),
        }
    }
}

impl ScoringIndex {
    fn build(bank: &Bank) -> ScoringIndex {
        let mut record = Vec::new();
        walk(bank, &mut Writer(&mut record));

        let mut terms = Terms::default();
        let own_audit = ["none", "type1", "type2"].map(|o| terms.of("own_audit", o));
        let categories = Category::ALL.map(|c| terms.of("categories", c.id()));
        let reliance = ["soc1", "soc2"].map(|o| terms.of("reliance", o));
        let domain_show_if: Vec<Option<Compiled>> = bank
            .domains
            .iter()
            .map(|d| d.show_if.as_ref().map(|c| terms.compile(c)))
            .collect();
        let domain_resolves_to: Vec<usize> = bank
            .domains
            .iter()
            .enumerate()
            .map(|(n, d)| {
                bank.domains
                    .iter()
                    .rposition(|other| other.id == d.id)
                    .unwrap_or(n)
            })
            .collect();

        let idx = criteria_index();
        let weights = &bank.scoring.weights;
        let mut item_criteria = Vec::new();
        let mut items = Vec::with_capacity(bank.items.len());
        for item in &bank.items {
            let start = item_criteria.len();
            let mut mask = 0u8;
            for (n, c) in item.criteria.iter().enumerate() {
                // An item citing a criterion twice still counts once for it.
                if item.criteria[..n].contains(c) {
                    continue;
                }
                if let Some((pos, cat)) = idx.lookup(c) {
                    item_criteria.push(pos);
                    mask |= 1 << category_index(cat);
                }
            }
            let mut reports = [0u32; 2];
            for &r in &item.reports {
                if let Some(count) = reports.get_mut(report_index(r)) {
                    *count += 1;
                }
            }
            items.push(ItemEntry {
                weight: weights.of(item.criticality),
                target: bank.target_of(item).min(MAX_LEVEL),
                kind: item.kind,
                criticality: item.criticality,
                categories: mask,
                reports,
                domain: bank.domains.iter().rposition(|d| d.id == item.domain),
                criteria: (start, item_criteria.len()),
                criteria_ids: item.criteria.as_slice().into(),
                show_if: item.show_if.as_ref().map(|c| terms.compile(c)),
            });
        }

        let mut by_id: Vec<usize> = (0..bank.items.len()).collect();
        by_id.sort_by(|&a, &b| {
            let id = |n: usize| bank.items.get(n).map(|i| i.id.as_str());
            id(a).cmp(&id(b))
        });

        // Scope questions last: each lists every term about it, so all terms must be known.
        let mut scope: Vec<ScopeEntry> = bank
            .scope
            .iter()
            .map(|q| ScopeEntry {
                show_if: q.show_if.as_ref().map(|c| terms.compile(c)),
                terms: Vec::new(),
            })
            .collect();
        for (entry, q) in scope.iter_mut().zip(&bank.scope) {
            entry.terms = terms
                .0
                .iter()
                .enumerate()
                .filter(|(_, (question, _))| *question == q.id)
                .map(|(n, (_, option))| (n, q.options.iter().any(|o| o.id == *option)))
                .collect();
        }

        ScoringIndex {
            address: std::ptr::from_ref(bank) as usize,
            record,
            items,
            item_criteria,
            by_id,
            terms: terms.0,
            scope,
            domain_show_if,
            domain_resolves_to,
            own_audit,
            categories,
            reliance,
        }
    }

    /// Whether the bank still has the content the index was built from.
    fn matches(&self, bank: &Bank) -> bool {
        let mut check = Checker {
            record: &self.record,
            pos: 0,
            ok: true,
        };
        walk(bank, &mut check);
        check.ok && check.pos == self.record.len()
    }

    /// Catalogue positions of the criteria an item cites (each once).
    pub fn criteria_of(&self, item: &ItemEntry) -> &[usize] {
        self.item_criteria
            .get(item.criteria.0..item.criteria.1)
            .unwrap_or(&[])
    }

    /// The value of every term under the assessment's scope answers: whether the question is
    /// answered and shown (its condition holds on the earlier questions' answers) and the
    /// option is one of its options and selected. Same rule as `Bank::effective_scope`.
    pub fn term_values(&self, bank: &Bank, assessment: &Assessment) -> Vec<bool> {
        let mut values = vec![false; self.terms.len()];
        for (entry, q) in self.scope.iter().zip(&bank.scope) {
            if entry.terms.is_empty() || !entry.show_if.as_ref().is_none_or(|c| c.eval(&values)) {
                continue;
            }
            let Some(selected) = assessment.scope.get(&q.id) else {
                continue;
            };
            for &(t, known) in &entry.terms {
                let on = known
                    && self
                        .terms
                        .get(t)
                        .is_some_and(|(_, option)| selected.contains(option));
                if let Some(v) = values.get_mut(t) {
                    *v = on;
                }
            }
        }
        values
    }

    /// Per domain position: whether its condition holds.
    pub fn domains_shown(&self, terms: &[bool]) -> Vec<bool> {
        self.domain_show_if
            .iter()
            .map(|c| c.as_ref().is_none_or(|c| c.eval(terms)))
            .collect()
    }

    /// Whether an item is asked: its domain's condition and its own (`Bank::item_visible`).
    pub fn visible(&self, item: &ItemEntry, terms: &[bool], domains_shown: &[bool]) -> bool {
        item.domain
            .is_none_or(|d| domains_shown.get(d).copied().unwrap_or(true))
            && item.show_if.as_ref().is_none_or(|c| c.eval(terms))
    }

    /// Calls `f` with every item position and the item's answer, if any: one merge of the
    /// item ids (in id order) with the assessment's answers (a map ordered by id).
    pub fn for_each_answer<'a>(
        &self,
        bank: &Bank,
        assessment: &'a Assessment,
        mut f: impl FnMut(usize, Option<&'a ItemAnswer>),
    ) {
        let mut answers = assessment.answers.iter().peekable();
        for &n in &self.by_id {
            let Some(item) = bank.items.get(n) else {
                continue;
            };
            let mut found = None;
            while let Some((id, answer)) = answers.peek() {
                match compare(id, &item.id) {
                    std::cmp::Ordering::Less => {
                        answers.next();
                    }
                    std::cmp::Ordering::Equal => {
                        found = Some(*answer);
                        break;
                    }
                    std::cmp::Ordering::Greater => break,
                }
            }
            f(n, found);
        }
    }
}

/// Receives the bank fields the index depends on, in a fixed order.
trait Sink {
    fn byte(&mut self, b: u8);
    fn len(&mut self, n: usize);
    fn str(&mut self, s: &str);

    fn condition(&mut self, c: Option<&Condition>) {
        let Some(c) = c else {
            self.byte(0);
            return;
        };
        self.byte(1);
        self.len(c.clauses.len());
        for clause in &c.clauses {
            self.len(clause.len());
            for t in clause {
                self.str(&t.question);
                self.str(&t.option);
                self.byte(u8::from(t.negated));
            }
        }
    }
}

/// Every bank field the index is derived from, length-prefixed so that two banks give the
/// same sequence exactly when those fields are equal.
fn walk(bank: &Bank, s: &mut impl Sink) {
    let w = &bank.scoring.weights;
    for v in [w.critical, w.high, w.medium, w.low] {
        s.len(v as usize);
    }
    s.byte(bank.scoring.default_target);
    s.len(bank.scope.len());
    for q in &bank.scope {
        s.str(&q.id);
        s.condition(q.show_if.as_ref());
        s.len(q.options.len());
        for o in &q.options {
            s.str(&o.id);
        }
    }
    s.len(bank.domains.len());
    for d in &bank.domains {
        s.str(&d.id);
        s.condition(d.show_if.as_ref());
    }
    s.len(bank.items.len());
    for item in &bank.items {
        s.str(&item.id);
        s.str(&item.domain);
        s.byte(item.kind as u8);
        s.byte(item.criticality as u8);
        match item.target {
            None => s.byte(0),
            Some(t) => {
                s.byte(1);
                s.byte(t);
            }
        }
        s.len(item.reports.len());
        for &r in &item.reports {
            s.byte(r as u8);
        }
        s.len(item.criteria.len());
        for c in &item.criteria {
            s.str(c);
        }
        s.condition(item.show_if.as_ref());
    }
}

/// Writes the record: lengths as 8 bytes, strings length-prefixed.
struct Writer<'a>(&'a mut Vec<u8>);

impl Sink for Writer<'_> {
    fn byte(&mut self, b: u8) {
        self.0.push(b);
    }

    fn len(&mut self, n: usize) {
        self.0.extend_from_slice(&(n as u64).to_le_bytes());
    }

    fn str(&mut self, s: &str) {
        self.len(s.len());
        self.0.extend_from_slice(s.as_bytes());
    }
}

/// Replays a bank against a record; `ok` turns false at the first difference (after which
/// the replay is wasted but harmless). Lengths and single bytes compare inline; a library
/// call per field would cost more than the bytes.
struct Checker<'a> {
    record: &'a [u8],
    pos: usize,
    ok: bool,
}

impl Sink for Checker<'_> {
    #[inline(always)]
    fn byte(&mut self, b: u8) {
        match self.record.get(self.pos) {
            Some(&r) if r == b => self.pos += 1,
            _ => self.ok = false,
        }
    }

    #[inline(always)]
    fn len(&mut self, n: usize) {
        match self
            .record
            .get(self.pos..)
            .and_then(|r| r.first_chunk::<8>())
        {
            Some(r) if u64::from_le_bytes(*r) == n as u64 => self.pos += 8,
            _ => self.ok = false,
        }
    }

    #[inline(always)]
    fn str(&mut self, s: &str) {
        let end = self.pos + 8 + s.len();
        match self
            .record
            .get(self.pos..end)
            .and_then(|r| r.split_first_chunk::<8>())
        {
            Some((len, bytes))
                if u64::from_le_bytes(*len) == s.len() as u64 && bytes == s.as_bytes() =>
            {
                self.pos = end;
            }
            _ => self.ok = false,
        }
    }
}

/// Byte order of two strings (the order of `String`), without a library call: ids are
/// short and mostly share a prefix.
fn compare(a: &str, b: &str) -> std::cmp::Ordering {
    for (x, y) in a.bytes().zip(b.bytes()) {
        if x != y {
            return x.cmp(&y);
        }
    }
    a.len().cmp(&b.len())
}
