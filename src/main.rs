//! The browser entry point: everything lives in the library (`soc_readiness::ui`).

fn main() {
    soc_readiness::ui::start();
}
