//! Static analysis of a rule file: resolves every name, checks that every method fits the
//! targets it scores and that every expression is well typed, and builds the [`Policy`] —
//! the only type the evaluator accepts. Every problem is collected, sorted by position.

mod checks;
mod derived;
mod error;
pub mod expr;
pub mod fields;
pub(crate) mod header;
pub mod lint;
pub(crate) mod methods;
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
/// kept in the policy; `source` is the file's id in it. The static analyses run too: their
/// errors refuse the policy, their warnings are kept in it ([`Policy::warnings`]).
pub fn check(
    sources: Sources,
    source: SourceId,
    file: &RuleFile,
) -> Result<Policy, Vec<CheckError>> {
    check_with(sources, source, file, Vec::new())
}

/// [`check`], with findings of reading the file already made (a file that extends another
/// brings [`crate::extends::Loaded::lints`]).
pub fn check_with(
    sources: Sources,
    source: SourceId,
    file: &RuleFile,
    lints: Vec<lint::Lint>,
) -> Result<Policy, Vec<CheckError>> {
    let (policy, problems) = analyse(sources, source, file, lints);
    let (errors, warnings): (Vec<_>, Vec<_>) = problems
        .into_iter()
        .partition(|p| p.severity() == crate::syntax::ast::Severity::Error);
    match policy {
        Some(mut policy) if errors.is_empty() => {
            policy.warnings = warnings
                .into_iter()
                .filter_map(|w| match w {
                    CheckError::Lint(l) => Some(l),
                    _ => None,
                })
                .collect();
            Ok(policy)
        }
        _ => Err(errors),
    }
}

/// Every problem of a rule file, errors and warnings, sorted by position; and the policy,
/// when the checker could build one (it may still have errors).
pub fn analyse(
    sources: Sources,
    source: SourceId,
    file: &RuleFile,
    lints: Vec<lint::Lint>,
) -> (Option<Policy>, Vec<CheckError>) {
    let mut checker = Checker {
        errors: Vec::new(),
        source,
    };
    let policy = checker.policy(sources, file);
    let mut problems = checker.errors;
    problems.extend(
        lints
            .into_iter()
            .chain(lint::lint(file))
            .map(CheckError::Lint),
    );
    problems.sort_by_key(|e| e.span().key());
    problems.dedup();
    (policy, problems)
}

/// The state of checking one file.
struct Checker {
    errors: Vec<CheckError>,
    source: SourceId,
}

impl Checker {
    fn policy(&mut self, sources: Sources, file: &RuleFile) -> Option<Policy> {
        self.unresolved(file);
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
        let sha256 = identity(&sources);
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
            warnings: Vec::new(),
            indicator_index: Default::default(),
            indicator_starts: Default::default(),
            section_index: Default::default(),
        };
        let pending = self.structure(file, &mut policy);
        self.derived_actuals(pending, &mut policy);
        self.checks(file, &mut policy);
        Some(policy)
    }

    /// `extends`, `override` and `remove` are resolved when the file is read
    /// ([`crate::extends::load_text`]); one left in the tree was never resolved.
    fn unresolved(&mut self, file: &RuleFile) {
        if let Some(extends) = &file.extends {
            self.errors
                .push(CheckError::Unresolved { span: extends.span });
        }
        for item in &file.items {
            match item {
                Item::Override(o) => self.errors.push(CheckError::Unresolved { span: o.span }),
                Item::Remove(r) => self.errors.push(CheckError::Unresolved { span: r.span }),
                _ => {}
            }
        }
    }

    /// The span of the start of the file, for problems of the file as a whole.
    fn file_start(&self) -> Span {
        Span::new(self.source, 0, 0)
    }
}

/// The policy's identity: SHA-256 of the rule file's text, or, for a file that extends
/// others, of the texts of the chain (the file first), each preceded by its length.
fn identity(sources: &Sources) -> String {
    use sha2::{Digest, Sha256};
    let texts: Vec<_> = sources.iter().map(|(_, f)| f.text.clone()).collect();
    let digest = match texts.as_slice() {
        [one] => Sha256::digest(one.as_bytes()),
        chain => {
            let mut hasher = Sha256::new();
            for text in chain {
                hasher.update(format!("{}\n", text.len()).as_bytes());
                hasher.update(text.as_bytes());
            }
            hasher.finalize()
        }
    };
    digest.iter().map(|b| format!("{b:02x}")).collect()
}
