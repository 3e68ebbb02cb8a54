//! The CSV record parser and row formatter under `_csv` (no Python here):
//! CPython 3.11's state machine, one character at a time, so quoting,
//! escapes, `strict` and `skipinitialspace` read exactly as CPython's do.

/// A checked dialect: what `_csv.Dialect` holds.
#[derive(Clone, Debug)]
pub struct DialectData {
    pub delimiter: char,
    pub doublequote: bool,
    pub escapechar: Option<char>,
    pub lineterminator: String,
    pub quotechar: Option<char>,
    pub quoting: i64,
    pub skipinitialspace: bool,
    pub strict: bool,
}

pub const QUOTE_MINIMAL: i64 = 0;
pub const QUOTE_ALL: i64 = 1;
pub const QUOTE_NONNUMERIC: i64 = 2;
pub const QUOTE_NONE: i64 = 3;

#[derive(Clone, Copy, PartialEq)]
enum St {
    StartRecord,
    StartField,
    EscapedChar,
    InField,
    InQuotedField,
    EscapeInQuotedField,
    QuoteInQuotedField,
    EatCrnl,
    AfterEscapedCrnl,
}

/// One field: its text, and whether `QUOTE_NONNUMERIC` makes it a float.
pub struct Field {
    pub text: String,
    pub numeric: bool,
}

/// The parser's state while one record is read (it may span lines).
pub struct Parser<'a> {
    d: &'a DialectData,
    state: St,
    field: String,
    field_len: usize,
    numeric: bool,
    pub fields: Vec<Field>,
    limit: usize,
}

/// `None` stands for the end of a line (CPython's EOL marker).
type Ch = Option<char>;

impl<'a> Parser<'a> {
    pub fn new(d: &'a DialectData, limit: usize) -> Parser<'a> {
        Parser {
            d,
            state: St::StartRecord,
            field: String::new(),
            field_len: 0,
            numeric: false,
            fields: Vec::new(),
            limit,
        }
    }

    /// True once a whole record has been read.
    pub fn done(&self) -> bool {
        self.state == St::StartRecord
    }

    /// Whether a field was begun (the input ended inside a record).
    pub fn in_record(&self) -> bool {
        self.field_len != 0 || self.state == St::InQuotedField
    }

    pub fn save_field(&mut self) {
        let text = std::mem::take(&mut self.field);
        self.fields.push(Field { text, numeric: self.numeric });
        self.numeric = false;
        self.field_len = 0;
    }

    fn add(&mut self, c: char) -> Result<(), String> {
        if self.field_len >= self.limit {
            return Err(format!("field larger than field limit ({})", self.limit));
        }
        self.field.push(c);
        self.field_len += 1;
        Ok(())
    }

    /// Feeds one line (its characters, then the end-of-line marker).
    pub fn feed_line(&mut self, line: &str) -> Result<(), String> {
        for c in line.chars() {
            self.process(Some(c))?;
        }
        self.process(None)
    }

    fn end_field_at(&mut self, c: Ch) {
        self.save_field();
        self.state = if c.is_none() { St::StartRecord } else { St::EatCrnl };
    }

    fn process(&mut self, c: Ch) -> Result<(), String> {
        let d = self.d;
        let is_nl = matches!(c, Some('\n') | Some('\r'));
        let quoting_on = d.quoting != QUOTE_NONE;
        let mut state = self.state;
        if state == St::StartRecord {
            if c.is_none() {
                return Ok(());
            }
            if is_nl {
                self.state = St::EatCrnl;
                return Ok(());
            }
            state = St::StartField;
        }
        if state == St::AfterEscapedCrnl {
            if c.is_none() {
                return Ok(());
            }
            state = St::InField;
        }
        match state {
            St::StartField => {
                if is_nl || c.is_none() {
                    self.end_field_at(c);
                } else if c == d.quotechar && quoting_on {
                    self.state = St::InQuotedField;
                } else if c.is_some() && c == d.escapechar {
                    self.state = St::EscapedChar;
                } else if c == Some(' ') && d.skipinitialspace {
                    self.state = St::StartField;
                } else if c == Some(d.delimiter) {
                    self.save_field();
                    self.state = St::StartField;
                } else {
                    if d.quoting == QUOTE_NONNUMERIC {
                        self.numeric = true;
                    }
                    self.add(c.unwrap_or('\n'))?;
                    self.state = St::InField;
                }
            }
            St::EscapedChar => {
                if is_nl {
                    self.add(c.unwrap_or('\n'))?;
                    self.state = St::AfterEscapedCrnl;
                } else {
                    self.add(c.unwrap_or('\n'))?;
                    self.state = St::InField;
                }
            }
            St::InField => {
                if is_nl || c.is_none() {
                    self.end_field_at(c);
                } else if c.is_some() && c == d.escapechar {
                    self.state = St::EscapedChar;
                } else if c == Some(d.delimiter) {
                    self.save_field();
                    self.state = St::StartField;
                } else {
                    self.add(c.unwrap_or('\n'))?;
                    self.state = St::InField;
                }
            }
            St::InQuotedField => {
                if c.is_none() {
                } else if c == d.escapechar {
                    self.state = St::EscapeInQuotedField;
                } else if c == d.quotechar && quoting_on {
                    self.state = if d.doublequote { St::QuoteInQuotedField } else { St::InField };
                } else {
                    self.add(c.unwrap_or('\n'))?;
                }
            }
            St::EscapeInQuotedField => {
                self.add(c.unwrap_or('\n'))?;
                self.state = St::InQuotedField;
            }
            St::QuoteInQuotedField => {
                if quoting_on && c.is_some() && c == d.quotechar {
                    self.add(c.unwrap_or('"'))?;
                    self.state = St::InQuotedField;
                } else if c == Some(d.delimiter) {
                    self.save_field();
                    self.state = St::StartField;
                } else if is_nl || c.is_none() {
                    self.end_field_at(c);
                } else if !d.strict {
                    self.add(c.unwrap_or('\n'))?;
                    self.state = St::InField;
                } else {
                    return Err(format!("'{}' expected after '{}'", d.delimiter, d.quotechar.unwrap_or('"')));
                }
            }
            St::EatCrnl => {
                if is_nl {
                } else if c.is_none() {
                    self.state = St::StartRecord;
                } else {
                    return Err("new-line character seen in unquoted field - do you need to open the file in \
                                universal-newline mode?"
                        .to_string());
                }
            }
            St::StartRecord | St::AfterEscapedCrnl => {}
        }
        Ok(())
    }
}

/// Appends one field to a row being written; `quoted` says whether the
/// dialect or the field's content asks for quotes. Errors are `_csv.Error`
/// messages.
pub fn append_field(
    d: &DialectData,
    out: &mut String,
    first: bool,
    field: &str,
    mut quoted: bool,
) -> Result<(), String> {
    if !first {
        out.push(d.delimiter);
    }
    let mut body = String::with_capacity(field.len() + 2);
    for c in field.chars() {
        let special =
            c == d.delimiter || Some(c) == d.escapechar || Some(c) == d.quotechar || d.lineterminator.contains(c);
        if special {
            let mut escape = false;
            if d.quoting == QUOTE_NONE {
                escape = true;
            } else {
                if Some(c) == d.quotechar {
                    if d.doublequote {
                        body.push(c);
                    } else {
                        escape = true;
                    }
                } else if Some(c) == d.escapechar {
                    escape = true;
                }
                if !escape {
                    quoted = true;
                }
            }
            if escape {
                match d.escapechar {
                    Some(e) => body.push(e),
                    None => return Err("need to escape, but no escapechar set".to_string()),
                }
            }
        }
        body.push(c);
    }
    let q = d.quotechar.filter(|_| quoted);
    if let Some(q) = q {
        out.push(q);
    }
    out.push_str(&body);
    if let Some(q) = q {
        out.push(q);
    }
    Ok(())
}
