//! `emplan completions SHELL` and `emplan man`: shell completions and the manual page, from the
//! same command definition as the help.

use crate::foundation::i18n::Lang;

use super::args::{CompletionsArgs, command};
use super::{EXIT_OK, print};

pub fn run(args: &CompletionsArgs, lang: Lang) -> Result<i32, String> {
    let mut cmd = command(lang);
    let mut out = Vec::new();
    clap_complete::generate(args.shell, &mut cmd, "emplan", &mut out);
    print(&String::from_utf8_lossy(&out), lang)?;
    Ok(EXIT_OK)
}

pub fn man(lang: Lang) -> Result<i32, String> {
    let mut out = Vec::new();
    clap_mangen::Man::new(command(lang))
        .render(&mut out)
        .map_err(|e| e.to_string())?;
    print(&String::from_utf8_lossy(&out), lang)?;
    Ok(EXIT_OK)
}
