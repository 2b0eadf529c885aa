//! stub
use super::Exit;
pub(super) fn run(_: &super::CheckArgs) -> Exit {
    Exit::Scored
}
