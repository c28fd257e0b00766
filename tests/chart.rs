//! Chart geometry (src/core/chart.rs): exact positions for small inputs worked out by hand,
//! missing and out-of-range values, radar axes, anchors and rings, and the builders from
//! scores on the fixture bank `tests/fixtures/scoring/bank.toml`.

// Test helpers may panic to state expectations (clippy.toml allows it in #[test] fns only).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use soc_readiness::core::answers::{Assessment, Level, Response};
use soc_readiness::core::bank::Bank;
use soc_readiness::core::chart::{
    band_threshold, bar_chart, category_bars, clamp_score, domain_bars, fmt_num, radar_chart,
    score_label, Anchor, BarInput, BarLayout, Baseline, Point, RadarInput, Rect, Threshold,
    NOT_SCORED,
};
use soc_readiness::core::criteria::Catalogue;
use soc_readiness::core::scoring::{score, TYPE1_BAND, TYPE2_BAND};
use soc_readiness::core::text::Lang;

fn bank() -> Bank {
    common::scoring_fixture_bank()
}

fn row(label: &str, value: Option<f64>, secondary: Option<&str>) -> BarInput {
    BarInput {
        label: label.into(),
        value,
        secondary: secondary.map(Into::into),
    }
}

/// 300 wide: labels 0–60, plot 60–260 (200 wide, so 1 point = 2 units), values 260–300.
/// Rows of 30 starting at y = 20 with 20-high bars (5 units above and below); the axis band
/// is 20 high.
fn layout() -> BarLayout {
    BarLayout {
        width: 300.0,
        label_width: 60.0,
        value_width: 40.0,
        gap: 8.0,
        row_height: 30.0,
        bar_height: 20.0,
        top: 20.0,
        axis_height: 20.0,
        line_height: 12.0,
        thresholds: vec![
            Threshold {
                value: 75.0,
                label: "Type I".into(),
            },
            Threshold {
                value: 90.0,
                label: "Type II".into(),
            },
        ],
    }
}

fn rect(x: f64, y: f64, width: f64, height: f64) -> Rect {
    Rect {
        x,
        y,
        width,
        height,
    }
}

#[test]
fn bar_chart_geometry_by_hand() {
    let rows = [
        row("A", Some(50.0), None),
        row("B", None, Some("0/3")),
        row("C", Some(72.9), None),
    ];
    let c = bar_chart(&rows, layout());

    // 20 top + 3 rows × 30 + 20 axis.
    assert_eq!((c.width, c.height), (300.0, 130.0));
    assert_eq!(c.view_box(), "0 0 300 130");
    assert_eq!(c.plot, rect(60.0, 20.0, 200.0, 90.0));

    // Row 0: centre y = 20 + 15 = 35; 50 → 100 wide; text 8 after the bar's end.
    let r = &c.rows[0];
    assert_eq!(r.bar, rect(60.0, 25.0, 100.0, 20.0));
    assert_eq!((r.label.x, r.label.y), (52.0, 35.0));
    assert_eq!(r.label.text, "A");
    assert_eq!(
        (r.label.anchor, r.label.baseline),
        (Anchor::End, Baseline::Central)
    );
    assert_eq!(r.secondary, None);
    assert_eq!(r.value_label.text, "50");
    assert_eq!((r.value_label.x, r.value_label.y), (168.0, 35.0));
    assert_eq!(r.value_label.anchor, Anchor::Start);
    assert_eq!((r.value, r.missing), (Some(50.0), false));

    // Row 1: not scored. Centre 65; zero-width bar; dash right after the plot's start;
    // the label moves up half a line (6) and the secondary line sits half a line below.
    let r = &c.rows[1];
    assert_eq!(r.bar, rect(60.0, 55.0, 0.0, 20.0));
    assert!(r.missing);
    assert_eq!(r.value, None);
    assert_eq!(r.value_label.text, NOT_SCORED);
    assert_eq!(r.value_label.text, "–");
    assert_eq!((r.value_label.x, r.value_label.y), (68.0, 65.0));
    assert_eq!((r.label.x, r.label.y), (52.0, 59.0));
    let s = r.secondary.as_ref().unwrap();
    assert_eq!((s.text.as_str(), s.x, s.y), ("0/3", 52.0, 71.0));
    assert_eq!(s.anchor, Anchor::End);

    // Row 2: 72.9 → 145.8 wide; the text is the integer part, never rounded up.
    let r = &c.rows[2];
    assert_eq!(r.bar, rect(60.0, 85.0, 145.8, 20.0));
    assert_eq!(r.value_label.text, "72");
    assert_eq!((r.value_label.x, r.value_label.y), (213.8, 95.0));
}

#[test]
fn bar_chart_ticks_and_thresholds() {
    let c = bar_chart(
        &[row("A", Some(10.0), None), row("B", Some(20.0), None)],
        layout(),
    );
    // Plot 60–260, rows from y 20 to 80, tick labels in the middle of the axis band (90).
    let ticks: Vec<(f64, f64, &str)> = c
        .ticks
        .iter()
        .map(|t| (t.value, t.x, t.label.text.as_str()))
        .collect();
    assert_eq!(
        ticks,
        [
            (0.0, 60.0, "0"),
            (25.0, 110.0, "25"),
            (50.0, 160.0, "50"),
            (75.0, 210.0, "75"),
            (100.0, 260.0, "100")
        ]
    );
    for t in &c.ticks {
        assert_eq!((t.y1, t.y2), (20.0, 80.0));
        assert_eq!((t.label.x, t.label.y), (t.x, 90.0));
        assert_eq!(
            (t.label.anchor, t.label.baseline),
            (Anchor::Middle, Baseline::Central)
        );
    }
    // Type I at 75 → x 210, Type II at 90 → x 240, labels in the middle of the top band.
    let marks: Vec<(f64, f64, &str, f64)> = c
        .thresholds
        .iter()
        .map(|m| (m.value, m.x, m.label.text.as_str(), m.label.y))
        .collect();
    assert_eq!(
        marks,
        [
            (75.0, 210.0, "Type I", 10.0),
            (90.0, 240.0, "Type II", 10.0)
        ]
    );
    assert!(c.thresholds.iter().all(|m| (m.y1, m.y2) == (20.0, 80.0)));
    // Labels alternate sides of their lines so that close markers do not overlap.
    let sides: Vec<(f64, Anchor)> = c
        .thresholds
        .iter()
        .map(|m| (m.label.x, m.label.anchor))
        .collect();
    assert_eq!(sides, [(206.0, Anchor::End), (244.0, Anchor::Start)]);
}

#[test]
fn bar_values_are_clamped_and_non_finite_is_not_scored() {
    let mut l = layout();
    l.thresholds = vec![
        Threshold {
            value: 150.0,
            label: "high".into(),
        },
        Threshold {
            value: f64::NAN,
            label: "nan".into(),
        },
    ];
    let rows = [
        row("over", Some(120.0), None),
        row("under", Some(-5.0), None),
        row("nan", Some(f64::NAN), None),
        row("inf", Some(f64::INFINITY), None),
    ];
    let c = bar_chart(&rows, l);
    assert_eq!(c.rows[0].bar.width, 200.0);
    assert_eq!(c.rows[0].value, Some(100.0));
    assert_eq!(c.rows[0].value_label.text, "100");
    assert_eq!(c.rows[1].bar.width, 0.0);
    assert_eq!(c.rows[1].value, Some(0.0));
    assert_eq!(c.rows[1].value_label.text, "0");
    assert!(!c.rows[1].missing, "a clamped 0 is a real 0");
    for r in &c.rows[2..] {
        assert!(r.missing);
        assert_eq!(r.bar.width, 0.0);
        assert_eq!(r.value_label.text, "–");
    }
    // The 150 marker is clamped to the plot's end; a NaN marker is dropped.
    assert_eq!(c.thresholds.len(), 1);
    assert_eq!((c.thresholds[0].value, c.thresholds[0].x), (100.0, 260.0));
}

#[test]
fn coordinates_are_rounded_to_a_tenth() {
    let c = bar_chart(&[row("third", Some(100.0 / 3.0), None)], layout());
    // 200 × 33.333… / 100 = 66.666… → 66.7.
    assert_eq!(c.rows[0].bar.width, 66.7);
    assert_eq!(c.rows[0].value_label.x, 134.7);
    assert_eq!(fmt_num(66.66666), "66.7");
    assert_eq!(fmt_num(100.0), "100");
    assert_eq!(fmt_num(-0.01), "0");
    assert_eq!(fmt_num(0.30000000000000004), "0.3");
}

#[test]
fn score_labels() {
    assert_eq!(score_label(Some(89.99)), "89");
    assert_eq!(score_label(Some(90.0)), "90");
    assert_eq!(score_label(Some(0.4)), "0");
    assert_eq!(score_label(Some(100.0)), "100");
    assert_eq!(score_label(Some(250.0)), "100");
    assert_eq!(score_label(None), "–");
    assert_eq!(clamp_score(Some(-1.0)), Some(0.0));
    assert_eq!(clamp_score(Some(f64::NEG_INFINITY)), None);
}

#[test]
fn empty_bar_chart_and_degenerate_layout() {
    let c = bar_chart(&[], layout());
    assert!(c.rows.is_empty());
    assert_eq!(c.height, 40.0);
    assert_eq!(c.ticks.len(), 5);

    // A layout narrower than its columns: a zero-width plot, nothing negative or NaN.
    let l = BarLayout {
        width: 50.0,
        label_width: 60.0,
        value_width: 40.0,
        gap: f64::NAN,
        row_height: -3.0,
        ..BarLayout::default()
    };
    let c = bar_chart(&[row("A", Some(50.0), None)], l);
    assert_eq!(c.plot.width, 0.0);
    assert_eq!(c.rows[0].bar.width, 0.0);
    let r = &c.rows[0];
    for v in [
        r.bar.x,
        r.bar.y,
        r.bar.height,
        r.label.x,
        r.value_label.x,
        c.height,
    ] {
        assert!(v.is_finite() && v >= 0.0, "{v}");
    }
}

#[test]
fn bar_chart_is_deterministic() {
    let rows = [
        row("Security", Some(81.25), Some("12/20")),
        row("Availability", None, Some("0/4")),
    ];
    assert_eq!(
        bar_chart(&rows, BarLayout::default()),
        bar_chart(&rows, BarLayout::default())
    );
}

fn axis(label: &str, value: Option<f64>) -> RadarInput {
    RadarInput {
        label: label.into(),
        value,
    }
}

fn pt(x: f64, y: f64) -> Point {
    Point { x, y }
}

/// Size 200: radius 100, 120 of room on each side and 30 above and below, so the viewBox is
/// 440 × 260 and the centre (220, 130). Labels sit 16 beyond the 100 ring (radius 116).
#[test]
fn radar_with_four_axes() {
    let axes = [
        axis("up", Some(100.0)),
        axis("right", Some(50.0)),
        axis("down", None),
        axis("left", Some(25.0)),
    ];
    let c = radar_chart(&axes, 200.0);
    assert_eq!((c.width, c.height), (440.0, 260.0));
    assert_eq!(c.view_box(), "0 0 440 260");
    assert_eq!(c.center, pt(220.0, 130.0));
    assert_eq!(c.radius, 100.0);
    assert!(c.drawable());

    let ends: Vec<Point> = c.axes.iter().map(|a| a.end).collect();
    assert_eq!(
        ends,
        [
            pt(220.0, 30.0),
            pt(320.0, 130.0),
            pt(220.0, 230.0),
            pt(120.0, 130.0)
        ]
    );

    let labels: Vec<(&str, f64, f64, Anchor, Baseline)> = c
        .axes
        .iter()
        .map(|a| {
            (
                a.label.text.as_str(),
                a.label.x,
                a.label.y,
                a.label.anchor,
                a.label.baseline,
            )
        })
        .collect();
    assert_eq!(
        labels,
        [
            ("up", 220.0, 14.0, Anchor::Middle, Baseline::Auto),
            ("right", 336.0, 130.0, Anchor::Start, Baseline::Central),
            ("down", 220.0, 246.0, Anchor::Middle, Baseline::Hanging),
            ("left", 104.0, 130.0, Anchor::End, Baseline::Central),
        ]
    );

    // Values: 100 at the top end, 50 halfway right, none at the centre (flagged), 25 left.
    let points: Vec<Point> = c.axes.iter().map(|a| a.point).collect();
    assert_eq!(
        points,
        [
            pt(220.0, 30.0),
            pt(270.0, 130.0),
            pt(220.0, 130.0),
            pt(195.0, 130.0)
        ]
    );
    assert_eq!(c.polygon, "220,30 270,130 220,130 195,130");
    let missing: Vec<bool> = c.axes.iter().map(|a| a.missing).collect();
    assert_eq!(missing, [false, false, true, false]);
    assert_eq!(c.axes[2].value, None);
    assert!(c.any_missing);
}

#[test]
fn radar_rings() {
    let axes = [
        axis("a", Some(10.0)),
        axis("b", Some(10.0)),
        axis("c", Some(10.0)),
        axis("d", Some(10.0)),
    ];
    let c = radar_chart(&axes, 200.0);
    let rings: Vec<(f64, &str)> = c
        .rings
        .iter()
        .map(|r| (r.value, r.points.as_str()))
        .collect();
    assert_eq!(
        rings,
        [
            (25.0, "220,105 245,130 220,155 195,130"),
            (50.0, "220,80 270,130 220,180 170,130"),
            (75.0, "220,55 295,130 220,205 145,130"),
            (100.0, "220,30 320,130 220,230 120,130"),
        ]
    );
    // Ring labels 4 right of the first axis, at the ring's height.
    let labels: Vec<(&str, f64, f64)> = c
        .rings
        .iter()
        .map(|r| (r.label.text.as_str(), r.label.x, r.label.y))
        .collect();
    assert_eq!(
        labels,
        [
            ("25", 224.0, 105.0),
            ("50", 224.0, 80.0),
            ("75", 224.0, 55.0),
            ("100", 224.0, 30.0)
        ]
    );
    assert!(!c.any_missing);
}

#[test]
fn radar_five_axes_anchor_by_angle() {
    // The five TSC categories: 0°, 72°, 144°, 216°, 288° clockwise from straight up.
    let axes: Vec<RadarInput> = ["S", "A", "C", "PI", "P"]
        .iter()
        .map(|l| axis(l, Some(80.0)))
        .collect();
    let c = radar_chart(&axes, 200.0);
    let got: Vec<(Anchor, Baseline)> = c
        .axes
        .iter()
        .map(|a| (a.label.anchor, a.label.baseline))
        .collect();
    assert_eq!(
        got,
        [
            (Anchor::Middle, Baseline::Auto),
            (Anchor::Start, Baseline::Auto),
            (Anchor::Start, Baseline::Hanging),
            (Anchor::End, Baseline::Hanging),
            (Anchor::End, Baseline::Auto),
        ]
    );
    // Axis 1 at 72°: (220 + 100 sin 72°, 130 − 100 cos 72°) = (315.1, 99.1).
    assert_eq!(c.axes[1].end, pt(315.1, 99.1));
    // Value 80 on axis 2 at 144°: (220 + 80 sin 144°, 130 − 80 cos 144°) = (267.0, 194.7).
    assert_eq!(c.axes[2].point, pt(267.0, 194.7));
    // Symmetric about the vertical axis.
    assert_eq!(c.axes[4].end, pt(124.9, 99.1));
    assert_eq!(c.rings[3].points.split(' ').count(), 5);
}

#[test]
fn radar_six_axes_bottom_is_centred() {
    let axes: Vec<RadarInput> = (0..6).map(|i| axis(&i.to_string(), Some(50.0))).collect();
    let c = radar_chart(&axes, 200.0);
    assert_eq!(c.axes[3].label.anchor, Anchor::Middle);
    assert_eq!(c.axes[3].label.baseline, Baseline::Hanging);
    assert_eq!(c.axes[3].end, pt(220.0, 230.0));
}

#[test]
fn radar_clamps_and_needs_three_axes() {
    let c = radar_chart(
        &[
            axis("a", Some(150.0)),
            axis("b", Some(-20.0)),
            axis("c", Some(f64::NAN)),
        ],
        200.0,
    );
    assert_eq!(c.axes[0].value, Some(100.0));
    assert_eq!(c.axes[0].point, c.axes[0].end);
    assert_eq!(c.axes[1].value, Some(0.0));
    assert_eq!(c.axes[1].point, c.center);
    assert!(!c.axes[1].missing);
    assert!(c.axes[2].missing);
    assert_eq!(c.axes[2].point, c.center);

    for n in 0..3 {
        let axes: Vec<RadarInput> = (0..n).map(|_| axis("x", Some(50.0))).collect();
        let c = radar_chart(&axes, 200.0);
        assert!(!c.drawable());
        assert!(c.axes.is_empty() && c.rings.is_empty() && c.polygon.is_empty());
        assert_eq!((c.width, c.height), (440.0, 260.0));
    }
}

#[test]
fn radar_is_deterministic_and_clean() {
    let axes: Vec<RadarInput> = ["S", "A", "C", "PI", "P"]
        .iter()
        .zip([Some(81.25), None, Some(33.3), Some(0.0), Some(100.0)])
        .map(|(l, v)| axis(l, v))
        .collect();
    let a = radar_chart(&axes, 240.0);
    assert_eq!(a, radar_chart(&axes, 240.0));
    for s in std::iter::once(&a.polygon).chain(a.rings.iter().map(|r| &r.points)) {
        assert!(
            !s.contains("-0") && !s.contains(".0,") && !s.contains("NaN"),
            "{s}"
        );
        for p in s.split(' ') {
            let (x, y) = p.split_once(',').unwrap();
            for v in [x, y] {
                let f: f64 = v.parse().unwrap();
                assert!((0.0..=a.width.max(a.height)).contains(&f));
                assert_eq!(fmt_num(f), v, "at most one decimal");
            }
        }
    }
}

#[test]
fn radar_input_from_bar_rows() {
    let r = RadarInput::from(&row("Security", Some(70.0), Some("3/4")));
    assert_eq!(r, axis("Security", Some(70.0)));
}

#[test]
fn category_and_domain_rows_from_scores() {
    let bank = bank();
    let catalogue = Catalogue::builtin().unwrap();
    let mut a = Assessment::new(&bank);
    // Relies on SOC 2 only (FIN hidden), heads for a Type II over Security and
    // Availability (RD-01..04 shown, RD-05 needs privacy).
    a.set_scope(&bank, "reliance", "soc2", true).unwrap();
    a.set_scope(&bank, "own_audit", "type2", true).unwrap();
    a.set_scope(&bank, "categories", "availability", true)
        .unwrap();
    // IAM-01 (critical, 8) at 4 and IAM-03 (high, 4) at 2: Security 40/48 = 83.33;
    // Availability (OPS-01, RD-04) unanswered.
    let l = |v| Response::Level(Level::new(v).unwrap());
    a.set_response(&bank, "IAM-01", l(4)).unwrap();
    a.set_response(&bank, "IAM-03", l(2)).unwrap();
    let s = score(&bank, &a);

    let rows = category_bars(&s, catalogue, Lang::En);
    assert_eq!(
        rows,
        [
            row(
                "Security (Common Criteria)",
                Some(4000.0 / 48.0),
                Some("2/11")
            ),
            row("Availability", None, Some("0/2")),
        ]
    );
    let zh = category_bars(&s, catalogue, Lang::Zh);
    assert_eq!(zh[0].label, "安全性（通用标准）");

    let rows = domain_bars(&s, &bank, Lang::En);
    let labels: Vec<&str> = rows.iter().map(|r| r.label.as_str()).collect();
    assert_eq!(
        labels,
        [
            "Identity and access",
            "Operations and resilience",
            "Your own SOC 2 readiness"
        ]
    );
    assert_eq!(rows[0].value, Some(4000.0 / 48.0));
    assert_eq!(rows[0].secondary.as_deref(), Some("2/4"));
    assert_eq!(rows[1].value, None);
    assert_eq!(rows[2].secondary.as_deref(), Some("0/4"));

    let c = bar_chart(&rows, BarLayout::default());
    assert_eq!(c.rows[0].value_label.text, "83");
    assert!(c.rows[1].missing);

    let t1 = band_threshold(&bank, TYPE1_BAND, Lang::En).unwrap();
    let t2 = band_threshold(&bank, TYPE2_BAND, Lang::Zh).unwrap();
    assert_eq!((t1.value, t1.label.as_str()), (75.0, "Type I ready"));
    assert_eq!((t2.value, t2.label.as_str()), (90.0, "具备 Type II 就绪度"));
    assert_eq!(band_threshold(&bank, "no_such_band", Lang::En), None);
}

#[test]
fn line_chart_places_points_evenly_and_breaks_at_missing_values() {
    use soc_readiness::core::chart::{line_chart, LineSeries};
    let labels: Vec<String> = ["Q1", "Q2", "Q3"].map(String::from).to_vec();
    let c = line_chart(
        &labels,
        &[
            LineSeries {
                label: "SOC 2".into(),
                values: vec![Some(50.0), Some(75.0), Some(100.0)],
            },
            LineSeries {
                label: "Own".into(),
                values: vec![Some(0.0), None, Some(25.0)],
            },
        ],
        400.0,
        200.0,
    );
    let xs: Vec<f64> = c.lines[0].points.iter().map(|p| p.x).collect();
    assert_eq!(xs, [48.0, 192.0, 336.0]);
    // y: the plot runs from 16 (100) to 160 (0).
    let ys: Vec<f64> = c.lines[0].points.iter().map(|p| p.y).collect();
    assert_eq!(ys, [88.0, 52.0, 16.0]);
    assert_eq!(c.lines[0].path, "M48 88 L192 52 L336 16");
    assert_eq!(c.lines[1].points.len(), 2);
    assert_eq!(c.lines[1].path, "M48 160 M336 124");
    assert_eq!(c.x_labels.len(), 3);
}
