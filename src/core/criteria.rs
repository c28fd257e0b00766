//! The catalogue of the 61 Trust Services Criteria (2017, revised points of focus 2022),
//! with our own paraphrased titles (AICPA wording is copyrighted). Banks cite criteria by ID;
//! the catalogue is fixed data compiled into the app from `content/criteria.toml` (converted
//! to JSON by build.rs, so the app needs no TOML parser).

use serde::Deserialize;
use std::sync::OnceLock;

use super::text::Text;

/// The five TSC categories. Security (the Common Criteria) is always in scope.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Category {
    Security,
    Availability,
    Confidentiality,
    ProcessingIntegrity,
    Privacy,
}

impl Category {
    pub const ALL: [Category; 5] = [
        Category::Security,
        Category::Availability,
        Category::Confidentiality,
        Category::ProcessingIntegrity,
        Category::Privacy,
    ];

    /// The id used in data files and as the option id of the `categories` scope question.
    pub fn id(self) -> &'static str {
        match self {
            Category::Security => "security",
            Category::Availability => "availability",
            Category::Confidentiality => "confidentiality",
            Category::ProcessingIntegrity => "processing_integrity",
            Category::Privacy => "privacy",
        }
    }

    pub fn from_id(id: &str) -> Option<Category> {
        Category::ALL.into_iter().find(|c| c.id() == id)
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CategoryInfo {
    pub id: String,
    pub title: Text,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Group {
    pub id: String,
    pub category: String,
    pub title: Text,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Criterion {
    pub id: String,
    pub group: String,
    /// COSO 2013 principle (1–17) for CC1–CC5; none for supplemental and other criteria.
    pub coso: Option<u8>,
    pub title: Text,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Catalogue {
    pub category: Vec<CategoryInfo>,
    pub group: Vec<Group>,
    pub criterion: Vec<Criterion>,
}

/// `content/criteria.toml` in its JSON form (written by build.rs).
const SOURCE: &str = include_str!(concat!(env!("OUT_DIR"), "/criteria.json"));

impl Catalogue {
    /// Parses and checks a catalogue in its JSON form, the one compiled into the app.
    pub fn parse(src: &str) -> Result<Catalogue, String> {
        let cat: Catalogue =
            serde_json::from_str(src).map_err(|e| format!("criteria.toml: {e}"))?;
        cat.check()
    }

    /// Parses and checks a catalogue written in TOML, the authoring form.
    #[cfg(feature = "toml")]
    pub fn parse_toml(src: &str) -> Result<Catalogue, String> {
        let cat: Catalogue = toml::from_str(src).map_err(|e| format!("criteria.toml: {e}"))?;
        cat.check()
    }

    /// Every group names a known category, every criterion a known group, ids are unique.
    fn check(self) -> Result<Catalogue, String> {
        let cat = self;
        for g in &cat.group {
            if Category::from_id(&g.category).is_none() {
                return Err(format!(
                    "criteria.toml: group {}: unknown category {}",
                    g.id, g.category
                ));
            }
        }
        let mut seen = std::collections::BTreeSet::new();
        for c in &cat.criterion {
            if !seen.insert(c.id.as_str()) {
                return Err(format!("criteria.toml: criterion {} appears twice", c.id));
            }
            if !cat.group.iter().any(|g| g.id == c.group) {
                return Err(format!(
                    "criteria.toml: criterion {}: unknown group {}",
                    c.id, c.group
                ));
            }
        }
        Ok(cat)
    }

    /// The catalogue compiled into the app, parsed once.
    pub fn builtin() -> Result<&'static Catalogue, String> {
        static CELL: OnceLock<Result<Catalogue, String>> = OnceLock::new();
        CELL.get_or_init(|| Catalogue::parse(SOURCE))
            .as_ref()
            .map_err(Clone::clone)
    }

    pub fn criterion(&self, id: &str) -> Option<&Criterion> {
        self.criterion.iter().find(|c| c.id == id)
    }

    pub fn group(&self, id: &str) -> Option<&Group> {
        self.group.iter().find(|g| g.id == id)
    }

    /// The category a criterion belongs to.
    pub fn category_of(&self, criterion_id: &str) -> Option<Category> {
        let c = self.criterion(criterion_id)?;
        Category::from_id(&self.group(&c.group)?.category)
    }

    pub fn category_title(&self, category: Category) -> Option<&Text> {
        self.category
            .iter()
            .find(|c| c.id == category.id())
            .map(|c| &c.title)
    }
}
