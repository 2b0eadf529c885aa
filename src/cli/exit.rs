//! Exit codes.

/// What the process's exit code says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Exit {
    /// 0: the report was scored (findings are part of the result).
    Scored = 0,
    /// 1: the rule file or report could not be read, parsed or checked (for `check`: the
    /// rule file has errors).
    Input = 1,
    /// 2: the command line was wrong.
    Usage = 2,
    /// 3: there is something to look at: `eval` scored the report with findings at or
    /// above `--fail-on`; `check` found warnings (and no errors); `fmt --check` found a file
    /// not formatted; `diff` found a score that changed; `test` had a case fail.
    Findings = 3,
}

impl From<Exit> for std::process::ExitCode {
    fn from(exit: Exit) -> std::process::ExitCode {
        std::process::ExitCode::from(exit as u8)
    }
}
