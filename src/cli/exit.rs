//! Exit codes.

/// What the process's exit code says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Exit {
    /// 0: the report was scored (findings are part of the result).
    Scored = 0,
    /// 1: the rule file or report could not be read, parsed or checked.
    Input = 1,
    /// 2: the command line was wrong.
    Usage = 2,
    /// 3: the report was scored, with findings at or above `--fail-on`.
    Findings = 3,
}

impl From<Exit> for std::process::ExitCode {
    fn from(exit: Exit) -> std::process::ExitCode {
        std::process::ExitCode::from(exit as u8)
    }
}
