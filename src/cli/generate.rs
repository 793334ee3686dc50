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

/// Print a man page (roff): slacalc(1), or a subcommand's slacalc-SUB(1)
#[derive(Debug, Args)]
#[command(after_help = "EXAMPLES:
  slacalc man > slacalc.1
  slacalc man deadline")]
pub struct ManArgs {
    /// The subcommand whose page to print
    subcommand: Option<String>,
}

impl Execute for ManArgs {
    fn execute(&self, _: &Context, out: &mut dyn Write) -> anyhow::Result<()> {
        Ok(out.write_all(&man_page(self.subcommand.as_deref())?)?)
    }
}

/// The subcommands that have a page of their own.
pub fn man_subcommands() -> Vec<String> {
    Cli::command()
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .filter(|name| name != "help")
        .collect()
}

/// Shell completions, generated from the clap definition.
pub fn completions(shell: clap_complete::Shell) -> Vec<u8> {
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "slacalc", &mut out);
    out
}

/// A man page, generated from the clap definition: the program's, or a
/// subcommand's (named `slacalc-SUB`, as the program's page refers to it).
pub fn man_page(subcommand: Option<&str>) -> anyhow::Result<Vec<u8>> {
    let command = Cli::command();
    let page = match subcommand {
        None => command,
        Some(name) => {
            let found = command
                .get_subcommands()
                .find(|s| s.get_name() == name)
                .ok_or_else(|| {
                    super::Usage(format!(
                        "no man page for '{name}'; pages: {}",
                        man_subcommands().join(", ")
                    ))
                })?;
            let title = format!("slacalc-{name}");
            found.clone().name(title.clone()).bin_name(title)
        }
    };
    let mut out = Vec::new();
    clap_mangen::Man::new(page).render(&mut out)?;
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
    /// `for s in bash zsh fish powershell elvish; do cargo run -q -- completions $s > completions/slacalc.$s; done; cargo run -q -- man > man/slacalc.1; for c in deadline escalate renew eol coverage holidays clock audit queue check schema completions man; do cargo run -q -- man $c > man/slacalc-$c.1; done`
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
        let pages = std::iter::once(None).chain(man_subcommands().into_iter().map(Some));
        for sub in pages {
            let name = sub
                .as_ref()
                .map_or("slacalc.1".to_string(), |s| format!("slacalc-{s}.1"));
            let committed = std::fs::read(root.join("man").join(&name)).unwrap_or_default();
            assert!(
                committed == man_page(sub.as_deref()).unwrap(),
                "man/{name} is stale or missing; regenerate it (see this test's doc)"
            );
        }
    }
}
