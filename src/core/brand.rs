//! Branding a provider may set when it embeds the app (primary colour, font family, corner
//! radius, logo, provider name). Every value is validated here, so that no option can inject
//! CSS or markup: a value is accepted only in a strict form, otherwise it is dropped and
//! reported.

use serde::Deserialize;

/// Branding as given (query parameters or a same-origin JSON config file).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BrandInput {
    pub primary: Option<String>,
    pub font: Option<String>,
    pub radius: Option<String>,
    pub logo: Option<String>,
    pub provider: Option<String>,
}

impl BrandInput {
    /// `self` with the fields of `over` laid on top (query parameters over a config file).
    pub fn overlay(mut self, over: BrandInput) -> BrandInput {
        self.primary = over.primary.or(self.primary);
        self.font = over.font.or(self.font);
        self.radius = over.radius.or(self.radius);
        self.logo = over.logo.or(self.logo);
        self.provider = over.provider.or(self.provider);
        self
    }
}

/// Validated branding: safe to put into CSS custom properties and attributes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Brand {
    /// `#rrggbb`, lower case.
    pub primary: Option<String>,
    /// Text colour on the primary colour (black or white, whichever contrasts more).
    pub on_primary: Option<&'static str>,
    /// A CSS font-family list of plain names.
    pub font: Option<String>,
    /// Corner radius in px, 0–24.
    pub radius: Option<u8>,
    /// A relative URL path of an image on the app's own origin.
    pub logo: Option<String>,
    /// The provider's name, shown as text.
    pub provider: Option<String>,
}

/// A branding value that was refused: (option name, the reason).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rejected {
    pub option: &'static str,
    pub reason: &'static str,
}

/// Parses `#rgb` or `#rrggbb` into lower-case `#rrggbb`.
pub fn parse_colour(s: &str) -> Option<String> {
    let hex = s.trim().strip_prefix('#')?;
    if !hex.chars().all(|c| c.is_ascii_hexdigit()) {
        return None;
    }
    let full = match hex.len() {
        3 => hex.chars().flat_map(|c| [c, c]).collect::<String>(),
        6 => hex.to_string(),
        _ => return None,
    };
    Some(format!("#{}", full.to_ascii_lowercase()))
}

/// WCAG relative luminance of `#rrggbb`.
fn luminance(hex: &str) -> Option<f64> {
    let h = hex.strip_prefix('#')?;
    let channel = |i: usize| -> Option<f64> {
        let v = f64::from(u8::from_str_radix(h.get(i..i + 2)?, 16).ok()?) / 255.0;
        Some(if v <= 0.03928 {
            v / 12.92
        } else {
            ((v + 0.055) / 1.055).powf(2.4)
        })
    };
    Some(0.2126 * channel(0)? + 0.7152 * channel(2)? + 0.0722 * channel(4)?)
}

/// WCAG contrast ratio between two `#rrggbb` colours.
pub fn contrast(a: &str, b: &str) -> Option<f64> {
    let (la, lb) = (luminance(a)?, luminance(b)?);
    let (hi, lo) = if la > lb { (la, lb) } else { (lb, la) };
    Some((hi + 0.05) / (lo + 0.05))
}

/// A font-family list: names of letters, digits, spaces and hyphens, separated by commas,
/// at most 200 characters. No quotes, semicolons, braces or url(): nothing that can end the
/// declaration.
pub fn parse_font(s: &str) -> Option<String> {
    let s = s.trim();
    if s.is_empty() || s.len() > 200 {
        return None;
    }
    let names: Vec<&str> = s.split(',').map(str::trim).collect();
    let ok = names.iter().all(|n| {
        !n.is_empty()
            && n.chars()
                .all(|c| c.is_alphanumeric() || c == ' ' || c == '-')
            && !n.contains("--")
    });
    ok.then(|| names.join(", "))
}

/// A radius in px, 0–24 (an optional `px` suffix is accepted).
pub fn parse_radius(s: &str) -> Option<u8> {
    let n = s.trim().trim_end_matches("px").trim();
    n.parse::<u8>().ok().filter(|v| *v <= 24)
}

/// A logo path relative to the app (e.g. `brand/logo.svg`): no scheme, no host, no `..`,
/// no query or fragment, and an image extension. It can only name a file of the app's own
/// origin.
pub fn parse_logo(s: &str) -> Option<String> {
    let s = s.trim();
    let lower = s.to_ascii_lowercase();
    let safe_chars = s
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '/' | '-' | '_' | '.'));
    let is_image = [".svg", ".png", ".jpg", ".jpeg", ".webp"]
        .iter()
        .any(|e| lower.ends_with(e));
    (safe_chars
        && is_image
        && !s.starts_with('/')
        && !s.split('/').any(|p| p == ".." || p.is_empty()))
    .then(|| s.to_string())
}

/// A provider name: plain text up to 60 characters, no control characters. Markup is not
/// rejected here because the UI renders it as text, never as HTML, but angle brackets are
/// refused anyway so that a tampered value is visible as an error.
pub fn parse_provider(s: &str) -> Option<String> {
    let s = s.trim();
    let ok = !s.is_empty()
        && s.chars().count() <= 60
        && !s.chars().any(|c| c.is_control() || c == '<' || c == '>');
    ok.then(|| s.to_string())
}

impl Brand {
    /// Validates every field; refused values are left out and listed.
    pub fn from_input(input: &BrandInput) -> (Brand, Vec<Rejected>) {
        let mut rejected = Vec::new();
        let mut check = |option: &'static str,
                         value: &Option<String>,
                         reason: &'static str,
                         f: &dyn Fn(&str) -> bool| {
            if let Some(v) = value {
                if !f(v) {
                    rejected.push(Rejected { option, reason });
                }
            }
        };
        check(
            "primary",
            &input.primary,
            "a colour as #rgb or #rrggbb",
            &|v| parse_colour(v).is_some(),
        );
        check(
            "font",
            &input.font,
            "font names separated by commas",
            &|v| parse_font(v).is_some(),
        );
        check(
            "radius",
            &input.radius,
            "a number of pixels from 0 to 24",
            &|v| parse_radius(v).is_some(),
        );
        check(
            "logo",
            &input.logo,
            "a relative path to an image of this site",
            &|v| parse_logo(v).is_some(),
        );
        check(
            "provider",
            &input.provider,
            "plain text up to 60 characters",
            &|v| parse_provider(v).is_some(),
        );
        let primary = input.primary.as_deref().and_then(parse_colour);
        let on_primary = primary.as_deref().map(|p| {
            let white = contrast(p, "#ffffff").unwrap_or(0.0);
            let black = contrast(p, "#000000").unwrap_or(0.0);
            if white >= black {
                "#ffffff"
            } else {
                "#000000"
            }
        });
        let brand = Brand {
            primary,
            on_primary,
            font: input.font.as_deref().and_then(parse_font),
            radius: input.radius.as_deref().and_then(parse_radius),
            logo: input.logo.as_deref().and_then(parse_logo),
            provider: input.provider.as_deref().and_then(parse_provider),
        };
        (brand, rejected)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colours() {
        assert_eq!(parse_colour("#0B5CAD"), Some("#0b5cad".into()));
        assert_eq!(parse_colour("#abc"), Some("#aabbcc".into()));
        for bad in [
            "red",
            "#12345",
            "#ggg",
            "#fff;background:url(x)",
            "rgb(1,2,3)",
            "",
            "#",
        ] {
            assert_eq!(parse_colour(bad), None, "{bad}");
        }
    }

    #[test]
    fn fonts() {
        assert_eq!(
            parse_font("Inter, Noto Sans SC, sans-serif"),
            Some("Inter, Noto Sans SC, sans-serif".into())
        );
        for bad in [
            "x;}body{display:none",
            "\"Evil\"",
            "a, , b",
            "url(x)",
            "a--b",
            "",
        ] {
            assert_eq!(parse_font(bad), None, "{bad}");
        }
    }

    #[test]
    fn radius_logo_provider() {
        assert_eq!(parse_radius("8px"), Some(8));
        assert_eq!(parse_radius("25"), None);
        assert_eq!(parse_radius("-1"), None);
        assert_eq!(parse_logo("brand/logo.svg"), Some("brand/logo.svg".into()));
        for bad in [
            "https://evil.example/x.png",
            "//evil/x.png",
            "/abs.png",
            "../up.png",
            "a.svg?x",
            "javascript:alert(1)",
            "logo.html",
        ] {
            assert_eq!(parse_logo(bad), None, "{bad}");
        }
        assert_eq!(
            parse_provider("Example Cloud"),
            Some("Example Cloud".into())
        );
        assert_eq!(parse_provider("<img src=x onerror=alert(1)>"), None);
    }

    #[test]
    fn contrast_picks_readable_text() {
        let (b, _) = Brand::from_input(&BrandInput {
            primary: Some("#ffd400".into()),
            ..Default::default()
        });
        assert_eq!(b.on_primary, Some("#000000"));
        let (b, _) = Brand::from_input(&BrandInput {
            primary: Some("#0b5cad".into()),
            ..Default::default()
        });
        assert_eq!(b.on_primary, Some("#ffffff"));
        assert!(contrast("#000000", "#ffffff").is_some_and(|c| (c - 21.0).abs() < 0.01));
    }

    #[test]
    fn rejected_values_are_listed_and_dropped() {
        let input = BrandInput {
            primary: Some("red;}body{display:none}".into()),
            font: Some("Inter".into()),
            radius: Some("99".into()),
            logo: None,
            provider: Some("<b>x</b>".into()),
        };
        let (b, rejected) = Brand::from_input(&input);
        assert_eq!(b.primary, None);
        assert_eq!(b.font.as_deref(), Some("Inter"));
        assert_eq!(b.radius, None);
        assert_eq!(
            rejected.iter().map(|r| r.option).collect::<Vec<_>>(),
            ["primary", "radius", "provider"]
        );
    }
}
