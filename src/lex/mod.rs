//! Lexing: a logos DFA for raw tokens ([`token`]), string scanning and
//! escape decoding ([`strings`]), and the indentation layer ([`indent`])
//! that produces the token stream the grammar consumes.

pub mod indent;
pub mod lines;
pub mod source;
pub mod strings;
pub mod token;

pub use indent::{Mode, Spanned, Tokens, tokenize};
pub use token::{StrLit, Tok};

#[cfg(test)]
mod tests;
