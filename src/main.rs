// mimalloc: perfrules allocates many small, short-lived values per report (texts of cells,
// figures of findings); with it a batch scores 18% more reports per second than with the
// system allocator (benches/throughput.rs, README "Performance").
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    perfrules::cli::main()
}
