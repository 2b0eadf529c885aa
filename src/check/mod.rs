//! Static analysis of a rule file: resolves every name, checks that every method fits the
//! targets it scores and that every expression is well typed, and builds the [`Policy`] —
//! the only type the evaluator accepts. Every problem is collected, sorted by position.

mod checks;
mod derived;
mod error;
pub mod expr;
pub mod fields;
mod header;
mod methods;
pub mod names;
pub mod policy;
mod structure;
pub mod units;
mod vocabulary;

pub use error::{CheckError, NameKind, NameSpace, ShareProblem, TypeHint};
pub use policy::Policy;

use crate::source::{SourceId, Sources, Span};
use crate::syntax::ast::{Item, RuleFile};

/// Checks a parsed rule file. `sources` holds the file's text (for diagnostics) and is
/// kept in the policy; `source` is the file's id in it.
pub fn check(
    sources: Sources,
    source: SourceId,
    file: &RuleFile,
) -> Result<Policy, Vec<CheckError>> {
    let mut checker = Checker {
        errors: Vec::new(),
        source,
    };
    let policy = checker.policy(sources, file);
    if checker.errors.is_empty() {
        if let Some(policy) = policy {
            return Ok(policy);
        }
    }
    let mut errors = checker.errors;
    errors.sort_by_key(|e| e.span().key());
    errors.dedup();
    Err(errors)
}

/// The state of checking one file.
struct Checker {
    errors: Vec<CheckError>,
    source: SourceId,
}

impl Checker {
    fn policy(&mut self, sources: Sources, file: &RuleFile) -> Option<Policy> {
        let header = self.header(file)?;
        let units_blocks: Vec<_> = file
            .items
            .iter()
            .filter_map(|i| {
                if let Item::Units(u) = i {
                    Some(u)
                } else {
                    None
                }
            })
            .collect();
        let money = match &header.budget_unit {
            crate::value::Unit::Named(n) => vec![n.as_str()],
            _ => vec![],
        };
        let units = units::UnitTable::build(&units_blocks, &money, &mut self.errors);
        let vocabularies = self.vocabularies(file);
        let (not_done, claimed) = self.actuals(file, header.name.span);
        let sha256 = sources
            .get(self.source)
            .map(|f| sha256_hex(&f.text))
            .unwrap_or_default();
        let mut policy = Policy {
            sources,
            sha256,
            name: header.name,
            years: header.years,
            kind: header.kind,
            full_marks: header.full_marks,
            rescale: header.rescale,
            budget_unit: header.budget_unit,
            round_indicator: header.round_indicator,
            round_total: header.round_total,
            grades: header.grades,
            units,
            vocabularies,
            not_done,
            claimed,
            sections: Vec::new(),
            groups: Vec::new(),
            indicators: Vec::new(),
            open: Vec::new(),
            execution: None,
            checks: Vec::new(),
            derived_order: Vec::new(),
            indicator_index: Default::default(),
            section_index: Default::default(),
        };
        let pending = self.structure(file, &mut policy);
        self.derived_actuals(pending, &mut policy);
        self.checks(file, &mut policy);
        Some(policy)
    }

    /// The span of the start of the file, for problems of the file as a whole.
    fn file_start(&self) -> Span {
        Span::new(self.source, 0, 0)
    }
}

fn sha256_hex(text: &str) -> String {
    use sha2::{Digest, Sha256};
    Sha256::digest(text.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}
