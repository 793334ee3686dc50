// The smallest Rust program that prints: the floor for process start-up,
// compared with `slacalc deadline` by bench/run.sh.
fn main() {
    println!("hello");
}
