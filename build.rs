//! Link the `slacalc` executable position-dependent on Linux. The time-zone
//! tables are a megabyte of pointers; in a position-independent executable
//! the loader must relocate every page of them at each start, about a third
//! of a single `slacalc deadline` call. Position-dependent, those pointers
//! are fixed at link time. The library and the tests are unaffected.
fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    let os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    // A static build (musl, or crt-static) is linked as a static PIE by
    // rustc; -no-pie would leave it half dynamic. Leave those alone.
    let features = std::env::var("CARGO_CFG_TARGET_FEATURE").unwrap_or_default();
    let static_crt = features.split(',').any(|f| f == "crt-static");
    if os == "linux" && !static_crt {
        println!("cargo:rustc-link-arg-bins=-no-pie");
    }
}
