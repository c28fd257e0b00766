//! Chart geometry for the results page and the printed report: a horizontal bar chart (TSC
//! categories, CUEC domains) and a radar chart (the categories). Everything is computed here
//! and unit-tested (`tests/chart.rs`); the UI only emits the SVG elements, and renders a
//! data table from the same [`BarInput`] rows for screen readers.
//!
//! Conventions:
//! - Coordinates are SVG user units in a `viewBox="0 0 width height"` with y pointing down.
//! - Every coordinate is rounded to 0.1 unit (and `-0` becomes `0`), so the SVG text is
//!   stable across platforms and renders; [`fmt_num`] writes them without a trailing `.0`.
//! - Values are scores 0–100; anything outside is clamped to 0–100, and a non-finite value
//!   (NaN, ±∞) is treated like `None` ("not scored").
//! - Text positions come with an [`Anchor`] (`text-anchor`) and a [`Baseline`]
//!   (`dominant-baseline`), so the UI writes `<text x y text-anchor dominant-baseline>`.
//! - The value text of a score is its integer part ([`score_label`]): a score is never shown
//!   rounded up to a threshold it has not reached (89.6 shows as "89", not "90").
//!
//! Pure and deterministic; no panics.

use crate::core::bank::Bank;
use crate::core::criteria::{Catalogue, Category};
use crate::core::scoring::Scores;
use crate::core::text::Lang;

/// The gridlines and tick labels of the bar chart's value axis.
pub const TICKS: [f64; 5] = [0.0, 25.0, 50.0, 75.0, 100.0];

/// The rings of the radar chart.
pub const RINGS: [f64; 4] = [25.0, 50.0, 75.0, 100.0];

/// The text shown for a value that is not scored (an en dash).
pub const NOT_SCORED: &str = "–";

/// Rounds to 0.1 unit; `-0` becomes `0`.
fn r1(v: f64) -> f64 {
    let r = (v * 10.0).round() / 10.0;
    if r == 0.0 {
        0.0
    } else {
        r
    }
}

/// A layout length: finite and non-negative, else 0.
fn len(v: f64) -> f64 {
    if v.is_finite() && v > 0.0 {
        v
    } else {
        0.0
    }
}

/// A score clamped to 0–100; `None` for `None` and non-finite values.
pub fn clamp_score(value: Option<f64>) -> Option<f64> {
    value.filter(|v| v.is_finite()).map(|v| v.clamp(0.0, 100.0))
}

/// The text for a score: its integer part after clamping ("72" for 72.9), or
/// [`NOT_SCORED`] for `None`. Use it in the data table too, so the table and the chart agree.
pub fn score_label(value: Option<f64>) -> String {
    match clamp_score(value) {
        Some(v) => format!("{}", v.floor()),
        None => NOT_SCORED.to_string(),
    }
}

/// A number as SVG attribute text: the shortest form (`100`, `14.3`, `0`).
pub fn fmt_num(v: f64) -> String {
    format!("{}", r1(v))
}

/// `text-anchor`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    Start,
    Middle,
    End,
}

impl Anchor {
    /// The SVG attribute value.
    pub fn as_str(self) -> &'static str {
        match self {
            Anchor::Start => "start",
            Anchor::Middle => "middle",
            Anchor::End => "end",
        }
    }
}

/// `dominant-baseline`: where the text sits relative to its y.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Baseline {
    /// Text above y (`auto`, the alphabetic baseline).
    Auto,
    /// Text centred on y (`central`).
    Central,
    /// Text below y (`hanging`).
    Hanging,
}

impl Baseline {
    /// The SVG attribute value.
    pub fn as_str(self) -> &'static str {
        match self {
            Baseline::Auto => "auto",
            Baseline::Central => "central",
            Baseline::Hanging => "hanging",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Point {
    pub x: f64,
    pub y: f64,
}

impl Point {
    fn new(x: f64, y: f64) -> Point {
        Point { x: r1(x), y: r1(y) }
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
}

impl Rect {
    fn new(x: f64, y: f64, width: f64, height: f64) -> Rect {
        Rect {
            x: r1(x),
            y: r1(y),
            width: r1(width),
            height: r1(height),
        }
    }
}

/// A piece of text and where to draw it.
#[derive(Debug, Clone, PartialEq)]
pub struct Label {
    pub text: String,
    pub x: f64,
    pub y: f64,
    pub anchor: Anchor,
    pub baseline: Baseline,
}

impl Label {
    fn new(text: impl Into<String>, x: f64, y: f64, anchor: Anchor, baseline: Baseline) -> Label {
        Label {
            text: text.into(),
            x: r1(x),
            y: r1(y),
            anchor,
            baseline,
        }
    }
}

// ---------------------------------------------------------------------------------------
// Bar chart

/// One row of a bar chart (and of its data table).
#[derive(Debug, Clone, PartialEq)]
pub struct BarInput {
    pub label: String,
    /// 0–100; `None` when not scored.
    pub value: Option<f64>,
    /// A second, smaller line under the label (e.g. completion "12/20").
    pub secondary: Option<String>,
}

/// A vertical marker at a value, e.g. the Type I band's minimum (75).
#[derive(Debug, Clone, PartialEq)]
pub struct Threshold {
    pub value: f64,
    pub label: String,
}

/// Sizes of the bar chart, in viewBox units.
///
/// Horizontally: `label_width` (labels, right-aligned `gap` before the plot), the plot area,
/// then `value_width` (room for the value text, `gap` after the bar's end). Vertically:
/// `top` (threshold labels), one `row_height` per row with the bar centred in it, then
/// `axis_height` (tick labels). Negative or non-finite sizes count as 0.
#[derive(Debug, Clone, PartialEq)]
pub struct BarLayout {
    /// The viewBox width.
    pub width: f64,
    pub label_width: f64,
    pub value_width: f64,
    pub gap: f64,
    pub row_height: f64,
    pub bar_height: f64,
    pub top: f64,
    pub axis_height: f64,
    /// Distance between a label and its secondary line (both are centred on the row).
    pub line_height: f64,
    /// Markers drawn across the plot (values clamped to 0–100), in the given order.
    pub thresholds: Vec<Threshold>,
}

impl Default for BarLayout {
    /// 640 wide: 200 for labels, 48 for values, rows of 36 with 18-high bars.
    fn default() -> Self {
        BarLayout {
            width: 640.0,
            label_width: 200.0,
            value_width: 48.0,
            gap: 8.0,
            row_height: 36.0,
            bar_height: 18.0,
            top: 24.0,
            axis_height: 24.0,
            line_height: 14.0,
            thresholds: Vec::new(),
        }
    }
}

/// One drawn row.
#[derive(Debug, Clone, PartialEq)]
pub struct BarRow {
    /// Anchor end, baseline central, `gap` left of the plot.
    pub label: Label,
    /// Under the label (the label moves up by half a line when there is one).
    pub secondary: Option<Label>,
    /// The bar; zero width when the value is `None` (`missing`).
    pub bar: Rect,
    /// The clamped value.
    pub value: Option<f64>,
    /// The value as text ([`score_label`]), anchor start, `gap` after the bar's end.
    pub value_label: Label,
    /// The value is `None`: not scored.
    pub missing: bool,
}

/// A gridline with its tick label under the plot.
#[derive(Debug, Clone, PartialEq)]
pub struct Tick {
    pub value: f64,
    pub x: f64,
    /// The gridline runs from `y1` (plot top) to `y2` (plot bottom).
    pub y1: f64,
    pub y2: f64,
    /// Anchor middle, baseline central, in the middle of the axis band.
    pub label: Label,
}

/// A threshold marker: a line across the plot with its label above it.
#[derive(Debug, Clone, PartialEq)]
pub struct Marker {
    /// The clamped value.
    pub value: f64,
    pub x: f64,
    pub y1: f64,
    pub y2: f64,
    /// Anchor middle, baseline central, in the middle of the top band.
    pub label: Label,
}

#[derive(Debug, Clone, PartialEq)]
pub struct BarChart {
    /// The viewBox: `0 0 width height`.
    pub width: f64,
    pub height: f64,
    /// The plot area: x where 0 is, width for 0–100, y from the first row's top to the last
    /// row's bottom.
    pub plot: Rect,
    pub rows: Vec<BarRow>,
    /// At [`TICKS`].
    pub ticks: Vec<Tick>,
    pub thresholds: Vec<Marker>,
}

impl BarChart {
    /// The SVG `viewBox` attribute.
    pub fn view_box(&self) -> String {
        format!("0 0 {} {}", fmt_num(self.width), fmt_num(self.height))
    }
}

/// The geometry of a horizontal bar chart: one row per input, in order.
///
/// Worked example (`tests/chart.rs`): width 300, label_width 60, value_width 40 give a
/// plot from x = 60 to x = 260 (200 wide), so the value 50 draws a bar 100 wide ending at
/// x = 160, with its text "50" at x = 160 + gap.
/// Horizontal distance between a threshold line and its label.
const MARKER_LABEL_GAP: f64 = 4.0;

pub fn bar_chart(rows: &[BarInput], layout: BarLayout) -> BarChart {
    let width = len(layout.width);
    let label_width = len(layout.label_width);
    let gap = len(layout.gap);
    let row_height = len(layout.row_height);
    let bar_height = len(layout.bar_height).min(row_height);
    let top = len(layout.top);
    let axis_height = len(layout.axis_height);
    let line_height = len(layout.line_height);

    let plot_x = label_width.min(width);
    let plot_w = (width - len(layout.value_width) - plot_x).max(0.0);
    let plot_bottom = top + row_height * rows.len() as f64;
    let x_of = |v: f64| plot_x + plot_w * v / 100.0;

    let rows = rows
        .iter()
        .enumerate()
        .map(|(n, input)| {
            let center = top + row_height * (n as f64 + 0.5);
            let value = clamp_score(input.value);
            let bar_w = plot_w * value.unwrap_or(0.0) / 100.0;
            let label_x = plot_x - gap;
            let shift = if input.secondary.is_some() {
                line_height / 2.0
            } else {
                0.0
            };
            BarRow {
                label: Label::new(
                    input.label.clone(),
                    label_x,
                    center - shift,
                    Anchor::End,
                    Baseline::Central,
                ),
                secondary: input.secondary.as_ref().map(|s| {
                    Label::new(
                        s.clone(),
                        label_x,
                        center + shift,
                        Anchor::End,
                        Baseline::Central,
                    )
                }),
                bar: Rect::new(plot_x, center - bar_height / 2.0, bar_w, bar_height),
                value,
                value_label: Label::new(
                    score_label(value),
                    plot_x + bar_w + gap,
                    center,
                    Anchor::Start,
                    Baseline::Central,
                ),
                missing: value.is_none(),
            }
        })
        .collect();

    let ticks = TICKS
        .iter()
        .map(|&v| Tick {
            value: v,
            x: r1(x_of(v)),
            y1: r1(top),
            y2: r1(plot_bottom),
            label: Label::new(
                score_label(Some(v)),
                x_of(v),
                plot_bottom + axis_height / 2.0,
                Anchor::Middle,
                Baseline::Central,
            ),
        })
        .collect();

    // Neighbouring markers (75 and 90) sit close together: labels alternate sides of their
    // line (the first ends just left of it, the next starts just right) so they never overlap.
    let thresholds = layout
        .thresholds
        .iter()
        .filter_map(|t| clamp_score(Some(t.value)).map(|v| (t, v)))
        .enumerate()
        .map(|(n, (t, v))| {
            let (dx, anchor) = if n % 2 == 0 {
                (-MARKER_LABEL_GAP, Anchor::End)
            } else {
                (MARKER_LABEL_GAP, Anchor::Start)
            };
            Marker {
                value: v,
                x: r1(x_of(v)),
                y1: r1(top),
                y2: r1(plot_bottom),
                label: Label::new(
                    t.label.clone(),
                    x_of(v) + dx,
                    top / 2.0,
                    anchor,
                    Baseline::Central,
                ),
            }
        })
        .collect();

    BarChart {
        width: r1(width),
        height: r1(plot_bottom + axis_height),
        plot: Rect::new(plot_x, top, plot_w, plot_bottom - top),
        rows,
        ticks,
        thresholds,
    }
}

/// Completion of a group as "answered/total" (language-neutral; the UI may label it).
fn completion_text(answered: usize, total: usize) -> String {
    format!("{answered}/{total}")
}

/// The rows for the TSC category chart: the in-scope categories in [`Category::ALL`] order
/// (Security first), labelled with the catalogue's title in `lang` (the category id if the
/// catalogue lacks it), the category score, and completion "answered/total" as secondary.
pub fn category_bars(scores: &Scores, catalogue: &Catalogue, lang: Lang) -> Vec<BarInput> {
    scores
        .categories
        .iter()
        .filter(|c| c.in_scope)
        .map(|c| BarInput {
            label: category_label(catalogue, c.category, lang),
            value: c.score.score,
            secondary: Some(completion_text(c.score.answered, c.score.total)),
        })
        .collect()
}

fn category_label(catalogue: &Catalogue, category: Category, lang: Lang) -> String {
    catalogue
        .category_title(category)
        .map(|t| t.get(lang).to_string())
        .unwrap_or_else(|| category.id().to_string())
}

/// The rows for the domain chart: the domains visible under the scope, in bank order,
/// labelled with the domain title in `lang` (the id if the bank lacks the domain), the
/// domain score, and completion "answered/total" as secondary.
pub fn domain_bars(scores: &Scores, bank: &Bank, lang: Lang) -> Vec<BarInput> {
    scores
        .domains
        .iter()
        .filter(|d| d.visible)
        .map(|d| BarInput {
            label: bank
                .domain(&d.id)
                .map(|dom| dom.title.get(lang).to_string())
                .unwrap_or_else(|| d.id.clone()),
            value: d.score.score,
            secondary: Some(completion_text(d.score.answered, d.score.total)),
        })
        .collect()
}

/// The bank's minimum score of a band (e.g. [`crate::core::scoring::TYPE1_BAND`]) as a
/// threshold marker with the band's label in `lang`; `None` if the bank has no such band.
pub fn band_threshold(bank: &Bank, band_id: &str, lang: Lang) -> Option<Threshold> {
    bank.scoring
        .bands
        .iter()
        .find(|b| b.id == band_id)
        .map(|b| Threshold {
            value: b.min,
            label: b.label.get(lang).to_string(),
        })
}

// ---------------------------------------------------------------------------------------
// Radar chart

/// One axis of a radar chart.
#[derive(Debug, Clone, PartialEq)]
pub struct RadarInput {
    pub label: String,
    /// 0–100; `None` when not scored (drawn at 0 and flagged).
    pub value: Option<f64>,
}

impl From<&BarInput> for RadarInput {
    fn from(b: &BarInput) -> Self {
        RadarInput {
            label: b.label.clone(),
            value: b.value,
        }
    }
}

/// One drawn axis.
#[derive(Debug, Clone, PartialEq)]
pub struct RadarAxis {
    /// The axis line runs from the centre to `end` (the 100 ring).
    pub end: Point,
    /// Beyond `end`; anchor by the axis direction (right: start, left: end, vertical:
    /// middle), baseline by it too (upper half: auto, lower half: hanging, level: central).
    pub label: Label,
    /// The clamped value.
    pub value: Option<f64>,
    /// The polygon's vertex on this axis (the centre when the value is 0 or missing).
    pub point: Point,
    /// The value is `None`: drawn at 0, but not a real 0.
    pub missing: bool,
}

/// A reference ring (a regular polygon through every axis at one value).
#[derive(Debug, Clone, PartialEq)]
pub struct RadarRing {
    pub value: f64,
    /// SVG `points`: "x,y x,y …", one vertex per axis, in axis order.
    pub points: String,
    /// The ring's value ("25"…), just right of the first axis; anchor start, central.
    pub label: Label,
}

#[derive(Debug, Clone, PartialEq)]
pub struct RadarChart {
    /// The viewBox: `0 0 width height`.
    pub width: f64,
    pub height: f64,
    pub center: Point,
    /// The radius of the 100 ring: `size / 2`.
    pub radius: f64,
    /// Clockwise from straight up. Empty when there are fewer than 3 axes.
    pub axes: Vec<RadarAxis>,
    /// At [`RINGS`], innermost first. Empty when there are fewer than 3 axes.
    pub rings: Vec<RadarRing>,
    /// SVG `points` of the values' polygon; empty when there are fewer than 3 axes.
    pub polygon: String,
    /// Some axis value is `None`.
    pub any_missing: bool,
}

impl RadarChart {
    /// The SVG `viewBox` attribute.
    pub fn view_box(&self) -> String {
        format!("0 0 {} {}", fmt_num(self.width), fmt_num(self.height))
    }

    /// Whether there is anything to draw (3 axes or more); otherwise show the bar chart.
    pub fn drawable(&self) -> bool {
        !self.axes.is_empty()
    }
}

/// Horizontal room on each side of the plot for the axis labels, as a fraction of `size`.
const RADAR_SIDE: f64 = 0.6;
/// Vertical room above and below the plot, as a fraction of `size`.
const RADAR_END: f64 = 0.15;
/// Distance from the 100 ring to an axis label, as a fraction of `size`.
const RADAR_LABEL_GAP: f64 = 0.08;
/// Distance from the first axis to the ring labels, as a fraction of `size`.
const RADAR_RING_LABEL_GAP: f64 = 0.02;
/// |sin| or |cos| below this counts as 0 when choosing anchors.
const EPS: f64 = 1e-6;

/// The geometry of a radar chart with `size` the diameter of the 100 ring.
///
/// The viewBox adds `0.6 × size` on each side and `0.15 × size` above and below for the
/// labels: `size` 200 gives a 440 × 260 viewBox centred on (220, 130), radius 100. Axis
/// `i` of `n` points at angle `360° × i / n` clockwise from straight up; labels sit
/// `0.08 × size` beyond the 100 ring. Needs at least 3 axes: with fewer, `axes`, `rings`
/// and `polygon` are empty (the bar chart shows the same data).
pub fn radar_chart(axes: &[RadarInput], size: f64) -> RadarChart {
    let size = len(size);
    let radius = size / 2.0;
    let cx = size * RADAR_SIDE + radius;
    let cy = size * RADAR_END + radius;
    let width = size * (1.0 + 2.0 * RADAR_SIDE);
    let height = size * (1.0 + 2.0 * RADAR_END);
    let n = axes.len();
    let any_missing = axes.iter().any(|a| clamp_score(a.value).is_none());
    let mut chart = RadarChart {
        width: r1(width),
        height: r1(height),
        center: Point::new(cx, cy),
        radius: r1(radius),
        axes: Vec::new(),
        rings: Vec::new(),
        polygon: String::new(),
        any_missing,
    };
    if n < 3 {
        return chart;
    }

    // Unit direction of axis i: (sin θ, -cos θ), θ clockwise from straight up.
    let dir = |i: usize| {
        let theta = std::f64::consts::TAU * i as f64 / n as f64;
        (theta.sin(), -theta.cos())
    };
    let at = |i: usize, r: f64| {
        let (dx, dy) = dir(i);
        Point::new(cx + r * dx, cy + r * dy)
    };
    let points_string = |pts: &[Point]| {
        pts.iter()
            .map(|p| format!("{},{}", fmt_num(p.x), fmt_num(p.y)))
            .collect::<Vec<_>>()
            .join(" ")
    };

    let label_r = radius + size * RADAR_LABEL_GAP;
    chart.axes = axes
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let (dx, dy) = dir(i);
            let anchor = if dx > EPS {
                Anchor::Start
            } else if dx < -EPS {
                Anchor::End
            } else {
                Anchor::Middle
            };
            let baseline = if dy < -EPS {
                Baseline::Auto
            } else if dy > EPS {
                Baseline::Hanging
            } else {
                Baseline::Central
            };
            let value = clamp_score(a.value);
            RadarAxis {
                end: at(i, radius),
                label: Label::new(
                    a.label.clone(),
                    cx + label_r * dx,
                    cy + label_r * dy,
                    anchor,
                    baseline,
                ),
                value,
                point: at(i, radius * value.unwrap_or(0.0) / 100.0),
                missing: value.is_none(),
            }
        })
        .collect();
    chart.polygon = points_string(&chart.axes.iter().map(|a| a.point).collect::<Vec<_>>());
    chart.rings = RINGS
        .iter()
        .map(|&v| {
            let r = radius * v / 100.0;
            RadarRing {
                value: v,
                points: points_string(&(0..n).map(|i| at(i, r)).collect::<Vec<_>>()),
                label: Label::new(
                    score_label(Some(v)),
                    cx + size * RADAR_RING_LABEL_GAP,
                    cy - r,
                    Anchor::Start,
                    Baseline::Central,
                ),
            }
        })
        .collect();
    chart
}

// ---------------------------------------------------------------------------------------
// Line chart (the trend of several assessments)

/// One line of a trend: a value (0–100, `None` when not scored) per point of the x axis.
#[derive(Debug, Clone, PartialEq)]
pub struct LineSeries {
    pub label: String,
    pub values: Vec<Option<f64>>,
}

/// A drawn point of a line: where, and its value.
#[derive(Debug, Clone, PartialEq)]
pub struct LinePoint {
    pub x: f64,
    pub y: f64,
    pub value: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct DrawnLine {
    pub label: String,
    /// Points of the scored values only, left to right.
    pub points: Vec<LinePoint>,
    /// SVG path data joining consecutive scored points (`M x y L x y …`); a gap where a
    /// value is not scored starts a new `M`.
    pub path: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct LineChart {
    pub width: f64,
    pub height: f64,
    pub plot: Rect,
    /// Gridlines at [`TICKS`], with their labels left of the plot.
    pub ticks: Vec<(f64, Label)>,
    /// One label per x position, under the plot.
    pub x_labels: Vec<Label>,
    pub lines: Vec<DrawnLine>,
}

/// The geometry of a line chart with evenly spaced x positions (one per label) and a 0–100
/// y axis. Worked example (`tests/chart.rs`): 3 labels on a 400 × 200 chart put the
/// points at x = 48, 192 and 336 (plot from 48 to 336).
pub fn line_chart(
    x_labels: &[String],
    series: &[LineSeries],
    width: f64,
    height: f64,
) -> LineChart {
    let (width, height) = (len(width).max(120.0), len(height).max(80.0));
    let plot = Rect {
        x: 48.0,
        y: 16.0,
        // Room on the right for half of the last x label.
        width: width - 48.0 - 64.0,
        height: height - 16.0 - 40.0,
    };
    let n = x_labels.len();
    let x_at = |i: usize| {
        if n <= 1 {
            plot.x + plot.width / 2.0
        } else {
            plot.x + plot.width * i as f64 / (n - 1) as f64
        }
    };
    let y_at = |v: f64| plot.y + plot.height * (1.0 - v.clamp(0.0, 100.0) / 100.0);
    let ticks = TICKS
        .iter()
        .map(|&v| {
            (
                y_at(v),
                Label {
                    text: fmt_num(v),
                    x: plot.x - 8.0,
                    y: y_at(v),
                    anchor: Anchor::End,
                    baseline: Baseline::Central,
                },
            )
        })
        .collect();
    let labels = x_labels
        .iter()
        .enumerate()
        .map(|(i, text)| Label {
            text: text.clone(),
            x: x_at(i),
            y: plot.y + plot.height + 20.0,
            anchor: Anchor::Middle,
            baseline: Baseline::Central,
        })
        .collect();
    let lines = series
        .iter()
        .map(|s| {
            let mut path = String::new();
            let mut points = Vec::new();
            let mut joined = false;
            for (i, v) in s.values.iter().enumerate().take(n) {
                match v {
                    Some(v) => {
                        let (x, y) = (x_at(i), y_at(*v));
                        path.push_str(&format!(
                            "{}{} {} ",
                            if joined { "L" } else { "M" },
                            fmt_num(x),
                            fmt_num(y)
                        ));
                        points.push(LinePoint { x, y, value: *v });
                        joined = true;
                    }
                    None => joined = false,
                }
            }
            DrawnLine {
                label: s.label.clone(),
                points,
                path: path.trim_end().to_string(),
            }
        })
        .collect();
    LineChart {
        width,
        height,
        plot,
        ticks,
        x_labels: labels,
        lines,
    }
}
