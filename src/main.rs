fn main() {
    std::process::exit(emplan::cli::run(std::env::args_os().collect()));
}
