fn main() -> std::process::ExitCode {
    perfrules::cli::main()
}
