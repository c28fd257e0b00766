//! Persona tests: realistic customers, each with a fixed answer set on the fixture bank
//! `tests/fixtures/scoring/bank.toml`, and the expected scores, verdict, failed gates and top
//! gaps worked out by hand in the comments.
//!
//! Reference for the arithmetic (see the table at the top of the fixture bank):
//! weights critical 8, high 4, medium 2, low 1; an item scores weight × level points out of
//! weight × 4 (critical 32, high 16, medium 8, low 4). A score is 100 × points / max over
//! the answered, applicable, visible items of its group. Bands: not_ready 0, foundational 40,
//! approaching 60, type1_ready 75, type2_ready 90. Default target 3 (OPS-05 targets 2);
//! a customer heading for Type II targets 4 on items whose bank target is 3 or more.
//!
//! Group membership in the fixture:
//! - Security: IAM-01..04, OPS-01..04, RD-01..03
//! - Availability: OPS-01, RD-04 · Confidentiality: OPS-05, RD-04
//! - Processing integrity: RD-04 · Privacy: RD-05
//! - FIN-01 and FIN-02 are SOC 1-only: they cite SOC 1 control objectives, no criterion,
//!   so they count in no criterion or category (only overall, SOC 1 and their domain)
//! - SOC 1: IAM-01, IAM-02, IAM-03, OPS-02, FIN-01, FIN-02 · SOC 2: all others and IAM-01..03, OPS-02
//! - FIN-* only with reliance:soc1; RD-* only with own_audit type1/type2; RD-05 also needs
//!   categories:privacy.

// Test helpers may panic to state expectations (clippy.toml allows it in #[test] fns only).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use soc_readiness::core::answers::{Assessment, Level, Response};
use soc_readiness::core::bank::{Bank, Report};
use soc_readiness::core::criteria::Category;
use soc_readiness::core::scoring::{
    explain, score, AuditGoal, Exclusion, GateKind, NotReady, Outcome, OwnGateKind, RelianceLevel,
    Results, Scores, Subject, NEXT_STEPS,
};

fn bank() -> Bank {
    common::scoring_fixture_bank()
}

// An answer in a persona's answer set.
#[derive(Clone, Copy)]
enum A {
    L(u8),
    Dk,
    Na(&'static str),
}

// A group score by hand: points and max points (score = 100 × points / max), or none.
type Pm = Option<(u64, u64)>;

struct Persona {
    scope: &'static [(&'static str, &'static [&'static str])],
    answers: &'static [(&'static str, A)],
    notes: &'static [(&'static str, &'static str)],
    /// Points / max of the overall score, and the same score rounded to two decimals.
    overall: ((u64, u64), f64),
    /// (answered, total) visible items.
    completion: (usize, usize),
    /// Security, Availability, Confidentiality, Processing integrity, Privacy: score and in_scope.
    categories: [(Pm, bool); 5],
    /// SOC 1 and SOC 2 items.
    soc1: Pm,
    soc2: Pm,
    domains: &'static [(&'static str, Pm)],
    score_band: &'static str,
    band: &'static str,
    gates: &'static [(GateKind, &'static [&'static str])],
    type1_reasons: Vec<NotReady>,
    type2_reasons: Vec<NotReady>,
    goal: AuditGoal,
    /// (item, level, target, weighted shortfall), in rank order: the whole gap list.
    gaps: &'static [(&'static str, u8, u8, u64)],
    open_items: &'static [&'static str],
}

fn assessment(bank: &Bank, p: &Persona) -> Assessment {
    let mut a = Assessment::new(bank);
    for (q, opts) in p.scope {
        for o in *opts {
            a.set_scope(bank, q, o, true).unwrap();
        }
    }
    for (item, ans) in p.answers {
        let r = match ans {
            A::L(l) => Response::Level(Level::new(*l).unwrap()),
            A::Dk => Response::DontKnow,
            A::Na(reason) => Response::NotApplicable {
                reason: reason.to_string(),
            },
        };
        a.set_response(bank, item, r).unwrap();
    }
    for (item, note) in p.notes {
        a.set_note(bank, item, note).unwrap();
    }
    a
}

fn pct(pm: (u64, u64)) -> f64 {
    pm.0 as f64 * 100.0 / pm.1 as f64
}

fn assert_group(what: &str, got: &soc_readiness::core::scoring::GroupScore, want: Pm) {
    match want {
        None => assert_eq!(got.score, None, "{what}: expected no score, got {got:?}"),
        Some((p, m)) => {
            assert_eq!((got.points, got.max_points), (p, m), "{what}: points/max");
            let s = got.score.unwrap_or(f64::NAN);
            assert!(
                (s - pct((p, m))).abs() < 1e-9,
                "{what}: score {s} != {p}/{m}"
            );
        }
    }
}

fn ready(reasons: &[NotReady]) -> bool {
    reasons.is_empty()
}

fn check(p: Persona) -> Scores {
    let bank = bank();
    let a = assessment(&bank, &p);
    let s = score(&bank, &a);

    assert_group("overall", &s.overall, Some(p.overall.0));
    let overall = s.overall.score.unwrap();
    assert!(
        (overall - p.overall.1).abs() < 0.005,
        "overall {overall} is not ~{}",
        p.overall.1
    );
    assert_eq!(
        (s.completion().answered, s.completion().total),
        p.completion,
        "completion"
    );

    for (cat, (want, in_scope)) in Category::ALL.into_iter().zip(p.categories) {
        let got = s.category(cat).unwrap();
        assert_group(cat.id(), &got.score, want);
        assert_eq!(got.in_scope, in_scope, "{} in_scope", cat.id());
    }
    assert_group(
        "soc1",
        &s.report(soc_readiness::core::bank::Report::Soc1)
            .unwrap()
            .score,
        p.soc1,
    );
    assert_group(
        "soc2",
        &s.report(soc_readiness::core::bank::Report::Soc2)
            .unwrap()
            .score,
        p.soc2,
    );
    for (d, want) in p.domains {
        assert_group(d, &s.domain(d).unwrap().score, *want);
    }

    let v = &s.verdict;
    assert_eq!(
        v.score_band.as_ref().map(|b| b.id.as_str()),
        Some(p.score_band),
        "score band"
    );
    assert_eq!(v.band.as_ref().map(|b| b.id.as_str()), Some(p.band), "band");
    let gates: Vec<(GateKind, Vec<&str>)> = v
        .failed_gates
        .iter()
        .map(|g| (g.kind, g.items.iter().map(String::as_str).collect()))
        .collect();
    let want_gates: Vec<(GateKind, Vec<&str>)> =
        p.gates.iter().map(|(k, i)| (*k, i.to_vec())).collect();
    assert_eq!(gates, want_gates, "failed gates");
    assert_eq!(v.type1_reasons, p.type1_reasons, "type1 reasons");
    assert_eq!(v.type2_reasons, p.type2_reasons, "type2 reasons");
    assert_eq!(v.type1_ready, ready(&p.type1_reasons));
    assert_eq!(v.type2_ready, ready(&p.type2_reasons));
    assert_eq!(v.goal, p.goal);

    let gaps: Vec<(&str, u8, u8, u64)> = s
        .gaps
        .iter()
        .map(|g| (g.item.as_str(), g.level, g.target, g.weighted_shortfall))
        .collect();
    assert_eq!(gaps, p.gaps.to_vec(), "gaps");
    assert_eq!(s.next_steps(NEXT_STEPS).len(), p.gaps.len().min(5));
    for g in &s.gaps {
        assert_eq!(g.note, a.note(&g.item), "gap note of {}", g.item);
        assert!(
            !g.item(&bank)
                .unwrap()
                .steps(soc_readiness::core::text::Lang::En)
                .is_empty(),
            "remediation steps of {}",
            g.item
        );
    }
    assert_eq!(s.open_items, p.open_items.to_vec(), "open items");

    // Every score is explained by contributions that add up to it.
    let mut subjects = vec![
        Subject::Overall,
        Subject::Report(soc_readiness::core::bank::Report::Soc1),
    ];
    subjects.extend(Category::ALL.map(Subject::Category));
    subjects.extend(bank.domains.iter().map(|d| Subject::Domain(d.id.clone())));
    subjects.extend(s.items.iter().map(|i| Subject::Item(i.id.clone())));
    for subject in subjects {
        let e = explain(&bank, &a, &subject);
        assert_eq!(Some(&e.score), s.group(&subject), "{subject:?}");
        let (pts, max) = e
            .counted()
            .filter_map(|c| c.points())
            .fold((0, 0), |(p, m), (a, b)| (p + a, m + b));
        assert_eq!(
            (pts, max),
            (e.score.points, e.score.max_points),
            "{subject:?}"
        );
    }
    s
}

// "Tencent Cloud SaaS startup": a 20-person SaaS company on Tencent Cloud, relying on the
// provider's SOC 2, heading for its own SOC 2 Type I with Availability in scope. MFA is
// enforced everywhere and leavers are removed automatically, but backups have never been
// restored in a test. This is the worked example of SCORING.md.
//
// Visible: IAM-01..04, OPS-01..05, RD-01..04 (13 items). FIN-* hidden (no SOC 1 reliance),
// RD-05 hidden (Privacy not in scope).
//
// | item   | weight | level | points / max |
// |--------|--------|-------|--------------|
// | IAM-01 | 8      | 4     | 32 / 32      |
// | IAM-02 | 8      | 4     | 32 / 32      |
// | IAM-03 | 4      | 3     | 12 / 16      |
// | IAM-04 | 2      | 2     |  4 /  8      |
// | OPS-01 | 8      | 1     |  8 / 32      |
// | OPS-02 | 4      | 3     | 12 / 16      |
// | OPS-03 | 4      | 4     | 16 / 16      |
// | OPS-04 | 2      | 4     |  8 /  8      |
// | OPS-05 | 1      | 2     |  2 /  4      |
// | RD-01  | 4      | 3     | 12 / 16      |
// | RD-02  | 2      | 2     |  4 /  8      |
// | RD-03  | 4      | 3     | 12 / 16      |
// | RD-04  | 2      | 3     |  6 /  8      |
//
// Overall: iam 32+32+12+4 = 80/88, ops 8+12+16+8+2 = 46/76, rd 12+4+12+6 = 34/48;
// 160/212 = 75.47 → score band type1_ready (75 ≤ 75.47 < 90).
// Gates: OPS-01 is a critical CUEC at 1 < 3 → capped below type1_ready → "approaching".
// Critical items below 4: OPS-01 only (IAM-01, IAM-02 at 4).
// Type I: not ready (gate critical_cuec_below3 only: the score alone would do).
// Type II: score 75.47 < 90, plus both critical gates.
// Security: iam 80/88 + OPS-01 8/32 + OPS-02 12/16 + OPS-03 16/16 + OPS-04 8/8
//   + RD-01 12/16 + RD-02 4/8 + RD-03 12/16 = 152/200 = 76.00.
// Availability (in scope): OPS-01 8/32 + RD-04 6/8 = 14/40 = 35.00.
// Confidentiality (not in scope): OPS-05 2/4 + RD-04 6/8 = 8/12 = 66.67.
// Processing integrity: RD-04 6/8 = 75.00 (FIN-* hidden). Privacy: none (RD-05 hidden).
// SOC 1: IAM-01 32 + IAM-02 32 + IAM-03 12 + OPS-02 12 = 88/96 = 91.67.
// SOC 2: every visible item is SOC 2 → 160/212 = 75.47.
// Gaps (targets 3, OPS-05 2): OPS-01 1→3, 8×2 = 16; IAM-04 2→3, 2×1 = 2; RD-02 2→3,
// 2×1 = 2 (tie with IAM-04: both medium, IAM-04 first in the bank). OPS-05 at 2 meets its
// target 2.
fn tencent_saas_type1() -> Persona {
    Persona {
        scope: &[
            ("reliance", &["soc2"]),
            ("own_audit", &["type1"]),
            ("categories", &["availability"]),
        ],
        answers: &[
            ("IAM-01", A::L(4)),
            ("IAM-02", A::L(4)),
            ("IAM-03", A::L(3)),
            ("IAM-04", A::L(2)),
            ("OPS-01", A::L(1)),
            ("OPS-02", A::L(3)),
            ("OPS-03", A::L(4)),
            ("OPS-04", A::L(4)),
            ("OPS-05", A::L(2)),
            ("RD-01", A::L(3)),
            ("RD-02", A::L(2)),
            ("RD-03", A::L(3)),
            ("RD-04", A::L(3)),
        ],
        notes: &[(
            "OPS-01",
            "COS snapshots daily; no restore ever tested (owner: Li Wei)",
        )],
        overall: ((160, 212), 75.47),
        completion: (13, 13),
        categories: [
            (Some((152, 200)), true),
            (Some((14, 40)), true),
            (Some((8, 12)), false),
            (Some((6, 8)), false),
            (None, false),
        ],
        soc1: Some((88, 96)),
        soc2: Some((160, 212)),
        domains: &[
            ("iam", Some((80, 88))),
            ("ops", Some((46, 76))),
            ("rd", Some((34, 48))),
            ("fin", None),
        ],
        score_band: "type1_ready",
        band: "approaching",
        gates: &[
            (GateKind::CriticalCuecBelow3, &["OPS-01"]),
            (GateKind::CriticalBelow4, &["OPS-01"]),
        ],
        type1_reasons: vec![NotReady::Gate {
            gate: GateKind::CriticalCuecBelow3,
        }],
        type2_reasons: vec![
            NotReady::ScoreBelow {
                band: "type2_ready".into(),
                min: 90.0,
            },
            NotReady::Gate {
                gate: GateKind::CriticalCuecBelow3,
            },
            NotReady::Gate {
                gate: GateKind::CriticalBelow4,
            },
        ],
        goal: AuditGoal::Type1,
        gaps: &[
            ("OPS-01", 1, 3, 16),
            ("IAM-04", 2, 3, 2),
            ("RD-02", 2, 3, 2),
        ],
        open_items: &[],
    }
}

// "Regional bank on SOC 1": a bank relying on its provider's SOC 1 for its financial
// reporting, with no SOC 2 of its own. Log monitoring is outsourced to an MSSP and nobody
// knows how alerts are handled (don't know); no confidential data in this cloud (OPS-05
// not applicable). It once tried the Type II questions: an old answer to RD-03 is stored
// but hidden, and a stale `categories` answer is ignored because that question is hidden.
//
// Visible: IAM-01..04, OPS-01..05, FIN-01, FIN-02 (11 items); RD-* hidden.
//
// | item   | weight | answer | points / max     |
// |--------|--------|--------|------------------|
// | IAM-01 | 8      | 3      | 24 / 32          |
// | IAM-02 | 8      | 3      | 24 / 32          |
// | IAM-03 | 4      | 2      |  8 / 16          |
// | IAM-04 | 2      | 3      |  6 /  8          |
// | OPS-01 | 8      | 3      | 24 / 32          |
// | OPS-02 | 4      | 3      | 12 / 16          |
// | OPS-03 | 4      | ?      |  0 / 16 (don't know = 0) |
// | OPS-04 | 2      | 2      |  4 /  8          |
// | OPS-05 | 1      | N/A    | excluded         |
// | FIN-01 | 8      | 4      | 32 / 32          |
// | FIN-02 | 2      | 3      |  6 /  8          |
//
// Overall: iam 62/88, ops 24+12+0+4 = 40/72, fin 38/40; 140/200 = 70.00 → approaching.
// Gates: critical CUECs IAM-01 3, IAM-02 3, OPS-01 3, FIN-01 4 → all ≥ 3, pass.
// Critical below 4: IAM-01, IAM-02, OPS-01 (caps below type2_ready; no effect here).
// Type I: 70 < 75. Type II: 70 < 90 and critical_below4.
// Security: iam 62/88 + OPS-01 24/32 + OPS-02 12/16 + OPS-03 0/16 + OPS-04 4/8
//   = 102/160 = 63.75 (FIN-02 is SOC 1-only: no criterion).
// Availability: OPS-01 24/32 = 75.00. Confidentiality: only OPS-05, N/A → none.
// Processing integrity: no item (FIN-01 and FIN-02 cite SOC 1 objectives). Privacy: none.
// None of the categories is "in scope" except Security (no own audit).
// SOC 1: IAM-01 24 + IAM-02 24 + IAM-03 8 + OPS-02 12 + FIN-01 32 + FIN-02 6
//   = 106/136 = 77.94.
// SOC 2: iam 62/88 + OPS-01..04 40/72 = 102/160 = 63.75.
// Gaps (target 3): OPS-03 don't know 0→3, 4×3 = 12; IAM-03 2→3, 4×1 = 4;
// OPS-04 2→3, 2×1 = 2. Open items: OPS-03.
fn regional_bank_soc1() -> Persona {
    Persona {
        scope: &[
            ("reliance", &["soc1"]),
            ("own_audit", &["none"]),
            ("categories", &["privacy"]),
        ],
        answers: &[
            ("IAM-01", A::L(3)),
            ("IAM-02", A::L(3)),
            ("IAM-03", A::L(2)),
            ("IAM-04", A::L(3)),
            ("OPS-01", A::L(3)),
            ("OPS-02", A::L(3)),
            ("OPS-03", A::Dk),
            ("OPS-04", A::L(2)),
            (
                "OPS-05",
                A::Na("No confidential customer data is stored in this cloud"),
            ),
            ("FIN-01", A::L(4)),
            ("FIN-02", A::L(3)),
            ("RD-03", A::L(4)),
        ],
        notes: &[("OPS-03", "Ask the MSSP for their triage SLA")],
        overall: ((140, 200), 70.0),
        completion: (11, 11),
        categories: [
            (Some((102, 160)), true),
            (Some((24, 32)), false),
            (None, false),
            (None, false),
            (None, false),
        ],
        soc1: Some((106, 136)),
        soc2: Some((102, 160)),
        domains: &[
            ("iam", Some((62, 88))),
            ("ops", Some((40, 72))),
            ("fin", Some((38, 40))),
            ("rd", None),
        ],
        score_band: "approaching",
        band: "approaching",
        gates: &[(GateKind::CriticalBelow4, &["IAM-01", "IAM-02", "OPS-01"])],
        type1_reasons: vec![NotReady::ScoreBelow {
            band: "type1_ready".into(),
            min: 75.0,
        }],
        type2_reasons: vec![
            NotReady::ScoreBelow {
                band: "type2_ready".into(),
                min: 90.0,
            },
            NotReady::Gate {
                gate: GateKind::CriticalBelow4,
            },
        ],
        goal: AuditGoal::RelianceOnly,
        gaps: &[
            ("OPS-03", 0, 3, 12),
            ("IAM-03", 2, 3, 4),
            ("OPS-04", 2, 3, 2),
        ],
        open_items: &["OPS-03"],
    }
}

// "Payments fintech heading for Type II": relies on the provider's SOC 1 and SOC 2, its
// own SOC 2 Type II covers Availability, Confidentiality and Processing integrity.
// Everything operates with evidence (4) except leaver removal, still a manual checklist
// (IAM-02 at 3), and the risk register, reviewed only once so far (RD-02 at 3). OPS-05 is
// at 2, which meets its bank target of 2 (a Type II goal raises only targets of 3 and up).
//
// Visible: all but RD-05 (15 items). Max: iam 88 + ops 76 + fin 40 + rd 48 = 252.
// Lost points: IAM-02 8×1 = 8, RD-02 2×1 = 2, OPS-05 1×2 = 2 → 240/252 = 95.24
// → score band type2_ready.
// Gates: no critical CUEC below 3; IAM-02 (critical) below 4 → capped below type2_ready
// → "type1_ready". Type I ready; Type II not (gate critical_below4 only).
// Security: max iam 88 + OPS-01..04 72 + RD-01..03 40 = 200, lost IAM-02 8
//   + RD-02 2 → 190/200 = 95.00.
// Availability: OPS-01 32/32 + RD-04 8/8 = 40/40 = 100.
// Confidentiality: OPS-05 2/4 + RD-04 8/8 = 10/12 = 83.33.
// Processing integrity: RD-04 8/8 = 100 (FIN-* are SOC 1-only). Privacy: none.
// SOC 1: IAM-01 32 + IAM-02 24 + IAM-03 16 + OPS-02 16 + FIN-01 32 + FIN-02 8 = 128/136 = 94.12.
// SOC 2: everything but FIN: 240 − 40 = 200 / 252 − 40 = 212 → 94.34.
// Gaps (targets 4 for a Type II goal): IAM-02 3→4, 8×1 = 8; RD-02 3→4, 2×1 = 2.
fn fintech_type2() -> Persona {
    Persona {
        scope: &[
            ("reliance", &["soc1", "soc2"]),
            ("own_audit", &["type2"]),
            (
                "categories",
                &["availability", "confidentiality", "processing_integrity"],
            ),
        ],
        answers: &[
            ("IAM-01", A::L(4)),
            ("IAM-02", A::L(3)),
            ("IAM-03", A::L(4)),
            ("IAM-04", A::L(4)),
            ("OPS-01", A::L(4)),
            ("OPS-02", A::L(4)),
            ("OPS-03", A::L(4)),
            ("OPS-04", A::L(4)),
            ("OPS-05", A::L(2)),
            ("FIN-01", A::L(4)),
            ("FIN-02", A::L(4)),
            ("RD-01", A::L(4)),
            ("RD-02", A::L(3)),
            ("RD-03", A::L(4)),
            ("RD-04", A::L(4)),
        ],
        notes: &[("IAM-02", "Workday → Entra ID automation planned for Q2")],
        overall: ((240, 252), 95.24),
        completion: (15, 15),
        categories: [
            (Some((190, 200)), true),
            (Some((40, 40)), true),
            (Some((10, 12)), true),
            (Some((8, 8)), true),
            (None, false),
        ],
        soc1: Some((128, 136)),
        soc2: Some((200, 212)),
        domains: &[
            ("iam", Some((80, 88))),
            ("ops", Some((74, 76))),
            ("fin", Some((40, 40))),
            ("rd", Some((46, 48))),
        ],
        score_band: "type2_ready",
        band: "type1_ready",
        gates: &[(GateKind::CriticalBelow4, &["IAM-02"])],
        type1_reasons: vec![],
        type2_reasons: vec![NotReady::Gate {
            gate: GateKind::CriticalBelow4,
        }],
        goal: AuditGoal::Type2,
        gaps: &[("IAM-02", 3, 4, 8), ("RD-02", 3, 4, 2)],
        open_items: &[],
    }
}

// "Early-stage startup": a seed-stage company that has just begun, heading for a Type I
// next year, no extra categories. It answered 6 of 13 questions; nobody knows whether
// backups exist (OPS-01 don't know).
//
// | item   | weight | answer | points / max |
// |--------|--------|--------|--------------|
// | IAM-01 | 8      | 2      | 16 / 32      |
// | IAM-02 | 8      | 1      |  8 / 32      |
// | IAM-03 | 4      | 0      |  0 / 16      |
// | OPS-01 | 8      | ?      |  0 / 32      |
// | OPS-02 | 4      | 1      |  4 / 16      |
// | RD-01  | 4      | 1      |  4 / 16      |
// Unanswered (not scored, counted in completion): IAM-04, OPS-03, OPS-04, OPS-05, RD-02,
// RD-03, RD-04.
//
// Overall: 32/144 = 22.22 → not_ready. Completion 6/13.
// Gates: unanswered (7 items); critical CUECs below 3: IAM-01, IAM-02, OPS-01; critical
// below 4: the same three. Band stays not_ready (already below every cap).
// Security: every answered item cites a CC criterion → 32/144 = 22.22.
// Availability: OPS-01 0/32 = 0.00 (a real 0, not "no score"); RD-04 unanswered.
// Confidentiality: OPS-05 and RD-04 unanswered → none. Processing integrity: none.
// SOC 1: IAM-01 16 + IAM-02 8 + IAM-03 0 + OPS-02 4 = 28/96 = 29.17. SOC 2: 32/144.
// Gaps (target 3): OPS-01 0→3, 8×3 = 24; IAM-02 1→3, 8×2 = 16; IAM-03 0→3, 4×3 = 12;
// then three at 8: IAM-01 2→3 (critical), OPS-02 1→3 and RD-01 1→3 (high, bank order).
// Next five steps: OPS-01, IAM-02, IAM-03, IAM-01, OPS-02.
fn early_startup() -> Persona {
    Persona {
        scope: &[("reliance", &["soc2"]), ("own_audit", &["type1"])],
        answers: &[
            ("IAM-01", A::L(2)),
            ("IAM-02", A::L(1)),
            ("IAM-03", A::L(0)),
            ("OPS-01", A::Dk),
            ("OPS-02", A::L(1)),
            ("RD-01", A::L(1)),
        ],
        notes: &[],
        overall: ((32, 144), 22.22),
        completion: (6, 13),
        categories: [
            (Some((32, 144)), true),
            (Some((0, 32)), false),
            (None, false),
            (None, false),
            (None, false),
        ],
        soc1: Some((28, 96)),
        soc2: Some((32, 144)),
        domains: &[
            ("iam", Some((24, 80))),
            ("ops", Some((4, 48))),
            ("rd", Some((4, 16))),
            ("fin", None),
        ],
        score_band: "not_ready",
        band: "not_ready",
        gates: &[
            (
                GateKind::Unanswered,
                &[
                    "IAM-04", "OPS-03", "OPS-04", "OPS-05", "RD-02", "RD-03", "RD-04",
                ],
            ),
            (
                GateKind::CriticalCuecBelow3,
                &["IAM-01", "IAM-02", "OPS-01"],
            ),
            (GateKind::CriticalBelow4, &["IAM-01", "IAM-02", "OPS-01"]),
        ],
        type1_reasons: vec![
            NotReady::ScoreBelow {
                band: "type1_ready".into(),
                min: 75.0,
            },
            NotReady::Gate {
                gate: GateKind::Unanswered,
            },
            NotReady::Gate {
                gate: GateKind::CriticalCuecBelow3,
            },
        ],
        type2_reasons: vec![
            NotReady::ScoreBelow {
                band: "type2_ready".into(),
                min: 90.0,
            },
            NotReady::Gate {
                gate: GateKind::Unanswered,
            },
            NotReady::Gate {
                gate: GateKind::CriticalCuecBelow3,
            },
            NotReady::Gate {
                gate: GateKind::CriticalBelow4,
            },
        ],
        goal: AuditGoal::Type1,
        gaps: &[
            ("OPS-01", 0, 3, 24),
            ("IAM-02", 1, 3, 16),
            ("IAM-03", 0, 3, 12),
            ("IAM-01", 2, 3, 8),
            ("OPS-02", 1, 3, 8),
            ("RD-01", 1, 3, 8),
        ],
        open_items: &["OPS-01"],
    }
}

// "Mature enterprise, Type II with Privacy": relies on both provider reports, runs its own
// Type II with every category. Everything at 4; OPS-05 not applicable (no data leaves with
// a contract end: on-premises copies are the system of record).
//
// Visible: all 16 items. Max: iam 88 + ops 72 (OPS-05 N/A) + fin 40 + rd 48 + RD-05 4
// = 252 → 252/252 = 100 → type2_ready; no gate fails; no gaps (targets 4, all at 4).
// Security: iam 88 + OPS-01..04 72 + RD-01..03 40 = 200/200.
// Availability: OPS-01 32 + RD-04 8 = 40/40. Confidentiality: RD-04 8/8 (OPS-05 N/A).
// Processing integrity: RD-04 8/8. Privacy: RD-05 4/4.
// SOC 1: 136/136. SOC 2: 252 − 40 = 212/212.
fn mature_enterprise_type2() -> Persona {
    Persona {
        scope: &[
            ("reliance", &["soc1", "soc2"]),
            ("own_audit", &["type2"]),
            (
                "categories",
                &[
                    "availability",
                    "confidentiality",
                    "processing_integrity",
                    "privacy",
                ],
            ),
        ],
        answers: &[
            ("IAM-01", A::L(4)),
            ("IAM-02", A::L(4)),
            ("IAM-03", A::L(4)),
            ("IAM-04", A::L(4)),
            ("OPS-01", A::L(4)),
            ("OPS-02", A::L(4)),
            ("OPS-03", A::L(4)),
            ("OPS-04", A::L(4)),
            (
                "OPS-05",
                A::Na("On-premises copies are the system of record"),
            ),
            ("FIN-01", A::L(4)),
            ("FIN-02", A::L(4)),
            ("RD-01", A::L(4)),
            ("RD-02", A::L(4)),
            ("RD-03", A::L(4)),
            ("RD-04", A::L(4)),
            ("RD-05", A::L(4)),
        ],
        notes: &[],
        overall: ((252, 252), 100.0),
        completion: (16, 16),
        categories: [
            (Some((200, 200)), true),
            (Some((40, 40)), true),
            (Some((8, 8)), true),
            (Some((8, 8)), true),
            (Some((4, 4)), true),
        ],
        soc1: Some((136, 136)),
        soc2: Some((212, 212)),
        domains: &[
            ("iam", Some((88, 88))),
            ("ops", Some((72, 72))),
            ("fin", Some((40, 40))),
            ("rd", Some((52, 52))),
        ],
        score_band: "type2_ready",
        band: "type2_ready",
        gates: &[],
        type1_reasons: vec![],
        type2_reasons: vec![],
        goal: AuditGoal::Type2,
        gaps: &[],
        open_items: &[],
    }
}

// "Half-finished questionnaire": a logistics company heading for a Type I answered only
// the identity section, all at 4, and looked at the results page. The score is 100 but the
// verdict must not claim readiness: the unanswered gate caps it below type1_ready.
//
// Visible: IAM-01..04, OPS-01..05, RD-01..04 (13). Answered: IAM-01..04 at 4 → 88/88 = 100
// → score band type2_ready; unanswered: OPS-01..05, RD-01..04 (9) → capped to approaching.
// Critical gates: IAM-01, IAM-02 at 4 pass; OPS-01 is unanswered, so it appears in the
// unanswered gate, not in the level gates. No gaps (nothing answered is below 3).
// Security: iam 88/88 = 100 (OPS-01..04, RD-01..03 unanswered). Other categories: none.
// SOC 1: IAM-01..03 = 80/80. SOC 2: 88/88.
fn half_finished_questionnaire() -> Persona {
    Persona {
        scope: &[("reliance", &["soc2"]), ("own_audit", &["type1"])],
        answers: &[
            ("IAM-01", A::L(4)),
            ("IAM-02", A::L(4)),
            ("IAM-03", A::L(4)),
            ("IAM-04", A::L(4)),
        ],
        notes: &[],
        overall: ((88, 88), 100.0),
        completion: (4, 13),
        categories: [
            (Some((88, 88)), true),
            (None, false),
            (None, false),
            (None, false),
            (None, false),
        ],
        soc1: Some((80, 80)),
        soc2: Some((88, 88)),
        domains: &[
            ("iam", Some((88, 88))),
            ("ops", None),
            ("rd", None),
            ("fin", None),
        ],
        score_band: "type2_ready",
        band: "approaching",
        gates: &[(
            GateKind::Unanswered,
            &[
                "OPS-01", "OPS-02", "OPS-03", "OPS-04", "OPS-05", "RD-01", "RD-02", "RD-03",
                "RD-04",
            ],
        )],
        type1_reasons: vec![NotReady::Gate {
            gate: GateKind::Unanswered,
        }],
        type2_reasons: vec![NotReady::Gate {
            gate: GateKind::Unanswered,
        }],
        goal: AuditGoal::Type1,
        gaps: &[],
        open_items: &[],
    }
}

#[test]
fn persona_tencent_saas_heading_for_type1() {
    let s = check(tencent_saas_type1());
    assert_eq!(s.verdict.goal_met(), Some(false));
    assert!(s.verdict.capped());
    assert_eq!(
        s.gaps[0].note,
        "COS snapshots daily; no restore ever tested (owner: Li Wei)"
    );
    // SCORING.md: testing one restore (OPS-01 to 3) adds 8 × 2 = 16 points, 176/212 = 83.02,
    // and clears the gate: Type I ready.
    let bank = bank();
    let mut a = assessment(&bank, &tencent_saas_type1());
    a.set_response(&bank, "OPS-01", Response::Level(Level::new(3).unwrap()))
        .unwrap();
    let s = score(&bank, &a);
    assert_eq!((s.overall.points, s.overall.max_points), (176, 212));
    assert!((s.overall.score.unwrap() - 83.02).abs() < 0.005);
    assert!(s.verdict.type1_ready && s.verdict.goal_met() == Some(true));
    assert_eq!(s.verdict.band.unwrap().id, "type1_ready");
}

#[test]
fn persona_regional_bank_relying_on_soc1() {
    let s = check(regional_bank_soc1());
    assert_eq!(s.verdict.goal_met(), None);
    // The stale answer to the hidden RD-03 is not scored, and not listed as an item.
    assert!(s.item("RD-03").is_none());
    // Confidentiality: one item, answered N/A: complete, but no score.
    let c = s.category(Category::Confidentiality).unwrap().score;
    assert_eq!(
        (c.answered, c.total, c.not_applicable, c.score),
        (1, 1, 1, None)
    );
}

#[test]
fn persona_fintech_heading_for_type2() {
    let s = check(fintech_type2());
    assert!(s.verdict.type1_ready && !s.verdict.type2_ready);
    assert_eq!(s.verdict.goal_met(), Some(false));
    // The Type II goal raised targets to 4 except OPS-05's deliberate 2.
    assert_eq!(s.item("IAM-01").unwrap().target, 4);
    assert_eq!(s.item("OPS-05").unwrap().target, 2);
}

#[test]
fn persona_early_startup() {
    let s = check(early_startup());
    let next: Vec<&str> = s
        .next_steps(NEXT_STEPS)
        .iter()
        .map(|g| g.item.as_str())
        .collect();
    assert_eq!(next, ["OPS-01", "IAM-02", "IAM-03", "IAM-01", "OPS-02"]);
    assert!(s.gaps[0].dont_know);
    assert_eq!(
        s.category(Category::Availability).unwrap().score.score,
        Some(0.0)
    );
}

#[test]
fn persona_mature_enterprise_type2() {
    let s = check(mature_enterprise_type2());
    assert!(s.verdict.type1_ready && s.verdict.type2_ready);
    assert_eq!(s.verdict.goal_met(), Some(true));
    assert!(!s.verdict.capped());
}

#[test]
fn persona_half_finished_questionnaire_is_not_ready() {
    let s = check(half_finished_questionnaire());
    assert_eq!(s.overall.score, Some(100.0));
    assert!(!s.verdict.type1_ready && !s.verdict.type2_ready);
}

// The "why this score" view of the worked example (SCORING.md): Availability is OPS-01
// 8/32 plus RD-04 6/8 = 14/40 = 35; the overall explanation lists the hidden items too.
#[test]
fn worked_example_explanations() {
    let bank = bank();
    let a = assessment(&bank, &tencent_saas_type1());
    let e = explain(&bank, &a, &Subject::Category(Category::Availability));
    let rows: Vec<(&str, u32, Outcome)> = e
        .contributions
        .iter()
        .map(|c| (c.item.as_str(), c.weight, c.outcome.clone()))
        .collect();
    assert_eq!(
        rows,
        vec![
            (
                "OPS-01",
                8,
                Outcome::Counted {
                    level: 1,
                    dont_know: false,
                    points: 8,
                    max_points: 32
                }
            ),
            (
                "RD-04",
                2,
                Outcome::Counted {
                    level: 3,
                    dont_know: false,
                    points: 6,
                    max_points: 8
                }
            ),
        ]
    );
    assert_eq!(e.score.score, Some(35.0));

    let overall = explain(&bank, &a, &Subject::Overall);
    let hidden: Vec<&str> = overall
        .contributions
        .iter()
        .filter(|c| c.outcome == Outcome::Excluded(Exclusion::Hidden))
        .map(|c| c.item.as_str())
        .collect();
    assert_eq!(hidden, ["FIN-01", "FIN-02", "RD-05"]);

    let bank_b = regional_bank_soc1();
    let a2 = assessment(&bank, &bank_b);
    let e2 = explain(&bank, &a2, &Subject::Item("OPS-05".into()));
    assert_eq!(
        e2.contributions[0].outcome,
        Outcome::Excluded(Exclusion::NotApplicable {
            reason: "No confidential customer data is stored in this cloud".into()
        })
    );
    assert_eq!(e2.score.score, None);
    let e3 = explain(&bank, &a2, &Subject::Criterion("CC7.2".into()));
    assert_eq!(
        e3.contributions[0].outcome,
        Outcome::Counted {
            level: 0,
            dont_know: true,
            points: 0,
            max_points: 16
        }
    );
    // CC7.2 is also cited by RD-03, hidden for this customer (its stored 4 is ignored).
    assert_eq!(
        e3.contributions[1].outcome,
        Outcome::Excluded(Exclusion::Hidden)
    );
    assert_eq!(e3.score.score, Some(0.0));

    // Unknown subjects explain nothing.
    assert!(explain(&bank, &a2, &Subject::Criterion("CC99.9".into()))
        .contributions
        .is_empty());
    assert!(explain(&bank, &a2, &Subject::Item("NOPE-01".into()))
        .score
        .score
        .is_none());
}

// The results serialise (for export and the report) with readable tags.
#[test]
fn scores_serialise_to_json() {
    let bank = bank();
    let a = assessment(&bank, &regional_bank_soc1());
    let s = score(&bank, &a);
    let json = serde_json::to_value(&s).unwrap();
    assert_eq!(json["verdict"]["band"]["id"], "approaching");
    assert_eq!(json["categories"][1]["category"], "availability");
    assert_eq!(json["items"][6]["status"]["status"], "dont_know");
    let e = explain(&bank, &a, &Subject::Category(Category::Confidentiality));
    let ej = serde_json::to_value(&e).unwrap();
    assert_eq!(ej["subject"]["kind"], "category");
    assert_eq!(ej["subject"]["id"], "confidentiality");
    assert_eq!(ej["contributions"][0]["outcome"]["outcome"], "excluded");
    assert_eq!(
        ej["contributions"][0]["outcome"]["excluded"],
        "not_applicable"
    );
}

// The worked example's two results (SCORING.md §7): reliance on the provider's SOC 2 is
// undermined by OPS-01, a critical CUEC at 1; the own SOC 2 result counts RD-01..04 and
// IAM-02 (a CUEC that is also one of the company's own controls).
#[test]
fn worked_example_results() {
    let bank = bank();
    let a = assessment(&bank, &tencent_saas_type1());
    let s = score(&bank, &a);
    let r = Results::of(&bank, &a, &s, None);
    let soc2 = r.reliance_on(Report::Soc2).unwrap();
    // IAM-01..04 80/88 + OPS-01..05 46/76 = 126/164 = 76.83, above 75, but OPS-01 is a
    // critical CUEC below 3.
    assert_eq!((soc2.score.points, soc2.score.max_points), (126, 164));
    assert_eq!(soc2.below_in_place, ["OPS-01"]);
    assert_eq!(soc2.level, RelianceLevel::Undermined);
    assert!(r.reliance_on(Report::Soc1).is_none());
    // RD-01 12/16 + RD-02 4/8 + RD-03 12/16 + RD-04 6/8 + IAM-02 32/32 = 66/80 = 82.5: the
    // score reaches type1_ready, but RD-02 (at 2) is the only own control of CC3.1–CC5.3.
    let own = r.own.as_ref().unwrap();
    assert_eq!((own.score.points, own.score.max_points), (66, 80));
    assert_eq!(own.score_band.as_ref().unwrap().id, "type1_ready");
    assert_eq!(own.band.as_ref().unwrap().id, "approaching");
    assert!(!own.type1_ready && !own.observation_ready);
    let not_met = &own.gate(OwnGateKind::CriterionNotMet).unwrap().ids;
    assert_eq!(
        not_met,
        &["CC3.1", "CC3.2", "CC3.3", "CC3.4", "CC4.1", "CC4.2", "CC5.1", "CC5.2", "CC5.3"]
    );
    assert_eq!(own.gates.len(), 1);
}
