//! Files generated from the clap definition: shell completions and the
//! man page.

use std::io::Write;

use clap::{Args, CommandFactory};

use super::{Cli, Context, Execute};

/// Print shell completions (bash, zsh, fish, powershell, elvish)
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    #[arg(value_enum)]
    shell: clap_complete::Shell,
}

impl Execute for CompletionsArgs {
    fn execute(&self, _: &Context, out: &mut dyn Write) -> anyhow::Result<()> {
        Ok(out.write_all(&completions(self.shell))?)
    }
}

/// Print the man page (roff)
#[derive(Debug, Args)]
pub struct ManArgs {}

impl Execute for ManArgs {
    fn execute(&self, _: &Context, out: &mut dyn Write) -> anyhow::Result<()> {
        Ok(out.write_all(&man_page()?)?)
    }
}

/// Shell completions, generated from the clap definition.
pub fn completions(shell: clap_complete::Shell) -> Vec<u8> {
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "slacalc", &mut out);
    out
}

/// The man page, generated from the clap definition.
pub fn man_page() -> anyhow::Result<Vec<u8>> {
    let mut out = Vec::new();
    clap_mangen::Man::new(Cli::command()).render(&mut out)?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::Cli;

    #[test]
    fn verify_cli() {
        Cli::command().debug_assert();
    }

    /// The committed completions and man page are what the current
    /// definition generates. To refresh them:
    /// `for s in bash zsh fish powershell elvish; do cargo run -q -- completions $s > completions/slacalc.$s; done; cargo run -q -- man > slacalc.1`
    #[test]
    fn generated_files_are_current() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        for shell in [
            clap_complete::Shell::Bash,
            clap_complete::Shell::Zsh,
            clap_complete::Shell::Fish,
            clap_complete::Shell::PowerShell,
            clap_complete::Shell::Elvish,
        ] {
            let name = format!("slacalc.{}", shell.to_string().to_lowercase());
            let committed = std::fs::read(root.join("completions").join(&name)).unwrap_or_default();
            assert!(
                committed == completions(shell),
                "completions/{name} is stale; regenerate it (see this test's doc)"
            );
        }
        let committed = std::fs::read(root.join("slacalc.1")).unwrap_or_default();
        assert!(
            committed == man_page().unwrap(),
            "slacalc.1 is stale; regenerate it (see this test's doc)"
        );
    }
}
