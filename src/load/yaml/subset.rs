//! A fast reader for the part of YAML that plan files are written in.
//!
//! serde-saphyr reads all of YAML and says well what is wrong and where, but at several hundred
//! instructions per byte it was four fifths of the time `emplan check` took on a province
//! (docs/performance.md). Plan and registry files use a small part of YAML: block mappings and
//! lists, `[...]` and `{...}` on one line, one-line plain and quoted scalars, and comments. This
//! module reads exactly that part, many times faster, into the model's types.
//!
//! It gives up (returns `None`) at anything else: anchors, tags, block scalars, scalars or flows
//! over several lines, tabs, a lone CR, control characters, duplicate keys, a value of the wrong
//! type, an unknown or missing field. The caller then reads the text with serde-saphyr, which
//! gives the value or says what is wrong. So this module has no messages; its one duty is never
//! to accept a text as anything other than what serde-saphyr makes of it. Its tests check that
//! on every sample file (with LF and CRLF), the fixtures, thousands of mutations of the sample
//! and tables of tricky scalars and layouts.

mod de;
#[cfg(test)]
mod tests;

use std::borrow::Cow;

use serde::de::DeserializeOwned;

use crate::model::Span;

/// Reads `source` into `T` if it is written in the subset and is a valid `T`.
pub fn from_str<T: DeserializeOwned>(source: &str) -> Option<T> {
    let node = Parser::new(source).document().ok()?;
    T::deserialize(de::NodeDeserializer(node)).ok()
}

/// A node of the document tree. Scalars keep their text untyped: the type asked for decides,
/// as in serde-saphyr.
#[derive(Debug)]
enum Node<'a> {
    /// A value left empty (`key:` with nothing under it).
    Empty,
    Scalar(Scalar<'a>),
    Seq(Vec<Node<'a>>),
    Map(Vec<(&'a str, Node<'a>)>),
}

#[derive(Debug)]
struct Scalar<'a> {
    text: Cow<'a, str>,
    /// Written without quotes: only these can mean null or a number.
    plain: bool,
    /// Of the scalar as written, quotes included (as serde-saphyr gives it).
    span: Span,
}

impl Scalar<'_> {
    /// YAML's core schema reads these plain scalars as null.
    fn is_null(&self) -> bool {
        self.plain && matches!(&*self.text, "null" | "Null" | "NULL" | "~")
    }
}

/// The text is outside the subset, or not a valid value of the type asked for.
#[derive(Debug)]
struct Declined;

type Result<T> = std::result::Result<T, Declined>;

/// Far beyond any plan; deeper documents go to serde-saphyr and its budget. There is no limit
/// on nodes: without aliases a document has fewer nodes than bytes, and the file size is
/// limited (`[limits] file_size_mib`), so a registry of 100,000 contacts is read here too.
const MAX_DEPTH: usize = 32;
/// Keys are compared one by one for duplicates, so a mapping stays small.
const MAX_KEYS: usize = 256;

/// A line that has content: where it starts, and where its content starts.
#[derive(Clone, Copy)]
struct Line {
    start: usize,
    content: usize,
}

impl Line {
    fn indent(self) -> usize {
        self.content - self.start
    }
}

/// Where a value stands: after `key:` or after `- `.
#[derive(Clone, Copy, PartialEq)]
enum After {
    Key,
    Dash,
}

struct Parser<'a> {
    src: &'a str,
    bytes: &'a [u8],
    /// At the start of a line between values; inside a line while one is read.
    pos: usize,
    depth: usize,
}

impl<'a> Parser<'a> {
    fn new(src: &'a str) -> Self {
        Parser {
            src,
            bytes: src.as_bytes(),
            pos: 0,
            depth: 0,
        }
    }

    fn document(mut self) -> Result<Node<'a>> {
        only_plain_characters(self.bytes)?;
        if self.bytes.starts_with(b"---") {
            self.pos = 3;
            self.end_of_line()?;
        }
        let line = self.next_line()?.ok_or(Declined)?;
        let node = self.block_node(line)?;
        match self.next_line()? {
            None => Ok(node),
            Some(_) => Err(Declined),
        }
    }

    /// The next line with content, from `pos` at a line start; blank and comment lines are
    /// skipped. Does not move.
    fn next_line(&self) -> Result<Option<Line>> {
        let mut start = self.pos;
        loop {
            let mut i = start;
            while self.bytes.get(i) == Some(&b' ') {
                i += 1;
            }
            match self.bytes.get(i) {
                None => return Ok(None),
                Some(b'\n' | b'\r') => start = self.next_line_start(i),
                Some(b'#') => start = self.next_line_start(self.line_end(i)),
                Some(_) => {
                    // Document markers and directives start a new document or end this one.
                    let rest = &self.bytes[i..];
                    if i == start
                        && (rest.starts_with(b"---") || rest.starts_with(b"...") || rest[0] == b'%')
                    {
                        return Err(Declined);
                    }
                    return Ok(Some(Line { start, content: i }));
                }
            }
        }
    }

    /// The offset of the line break (`\n` or `\r\n`) ending the line that holds `i`, or the
    /// end of the text.
    fn line_end(&self, i: usize) -> usize {
        let bytes = &self.bytes[i..];
        bytes
            .iter()
            .position(|&b| b == b'\n' || b == b'\r')
            .map_or(self.bytes.len(), |n| i + n)
    }

    /// The start of the line after the line break at `end` (see [`Self::line_end`]).
    fn next_line_start(&self, end: usize) -> usize {
        match self.bytes.get(end) {
            Some(b'\r') => end + 2,
            Some(_) => end + 1,
            None => end,
        }
    }

    /// After a value: spaces, perhaps a comment, then the end of the line, which is consumed.
    fn end_of_line(&mut self) -> Result<()> {
        let start = self.pos;
        self.skip_spaces();
        match self.bytes.get(self.pos) {
            None => Ok(()),
            Some(b'\n' | b'\r') => {
                self.pos = self.next_line_start(self.pos);
                Ok(())
            }
            Some(b'#') if self.pos > start => {
                self.pos = self.next_line_start(self.line_end(self.pos));
                Ok(())
            }
            Some(_) => Err(Declined),
        }
    }

    fn skip_spaces(&mut self) {
        while self.bytes.get(self.pos) == Some(&b' ') {
            self.pos += 1;
        }
    }

    fn enter(&mut self) -> Result<()> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(Declined);
        }
        Ok(())
    }

    /// `- ` (or `-` at the end of a line) at `pos`.
    fn at_dash(&self) -> bool {
        self.bytes.get(self.pos) == Some(&b'-')
            && matches!(
                self.bytes.get(self.pos + 1),
                None | Some(b' ' | b'\n' | b'\r')
            )
    }

    /// A plain key followed by `: ` (or `:` at the end of a line) at `pos`: the key and the
    /// offset after the colon. Keys are field names: ASCII letters, digits, `_` and `-`.
    fn key(&self) -> Option<(&'a str, usize)> {
        let bytes = &self.bytes[self.pos..];
        if !bytes.first()?.is_ascii_alphanumeric() && bytes[0] != b'_' {
            return None;
        }
        let len = bytes
            .iter()
            .position(|&b| !(b.is_ascii_alphanumeric() || b == b'_' || b == b'-'))?;
        if bytes[len] != b':' || !matches!(bytes.get(len + 1), None | Some(b' ' | b'\n' | b'\r')) {
            return None;
        }
        Some((&self.src[self.pos..self.pos + len], self.pos + len + 1))
    }

    /// A block mapping or list whose first line is `line`.
    fn block_node(&mut self, line: Line) -> Result<Node<'a>> {
        self.pos = line.content;
        if self.at_dash() {
            self.block_seq(line.indent())
        } else if self.key().is_some() {
            self.block_map(line.indent())
        } else {
            Err(Declined)
        }
    }

    /// A block mapping whose keys stand at column `indent`; `pos` is at the first key.
    fn block_map(&mut self, indent: usize) -> Result<Node<'a>> {
        self.enter()?;
        let mut entries: Vec<(&'a str, Node<'a>)> = Vec::new();
        loop {
            let (key, after) = self.key().ok_or(Declined)?;
            if entries.len() == MAX_KEYS || entries.iter().any(|(k, _)| *k == key) {
                return Err(Declined);
            }
            self.pos = after;
            let value = self.block_value(indent, After::Key)?;
            entries.push((key, value));
            match self.next_line()? {
                Some(line) if line.indent() == indent => {
                    self.pos = line.content;
                    if self.at_dash() {
                        return Err(Declined);
                    }
                }
                Some(line) if line.indent() > indent => return Err(Declined),
                _ => break,
            }
        }
        self.depth -= 1;
        Ok(Node::Map(entries))
    }

    /// A block list whose dashes stand at column `indent`; `pos` is at the first dash.
    fn block_seq(&mut self, indent: usize) -> Result<Node<'a>> {
        self.enter()?;
        let mut items = Vec::new();
        loop {
            self.pos += 1;
            items.push(self.block_value(indent, After::Dash)?);
            match self.next_line()? {
                Some(line) if line.indent() == indent => {
                    self.pos = line.content;
                    if !self.at_dash() {
                        // The next key of the mapping this list is the value of.
                        self.pos = line.start;
                        break;
                    }
                }
                Some(line) if line.indent() > indent => return Err(Declined),
                _ => break,
            }
        }
        self.depth -= 1;
        Ok(Node::Seq(items))
    }

    /// The value after `key:` or `- ` of an entry at column `indent`. Leaves `pos` at the start
    /// of the line after the value.
    fn block_value(&mut self, indent: usize, after: After) -> Result<Node<'a>> {
        let start = self.pos;
        self.skip_spaces();
        let commented = self.bytes.get(self.pos) == Some(&b'#') && self.pos > start;
        if matches!(self.bytes.get(self.pos), None | Some(b'\n' | b'\r')) || commented {
            self.pos = start;
            self.end_of_line()?;
            return match self.next_line()? {
                Some(line) if line.indent() > indent => self.block_node(line),
                Some(line) if line.indent() == indent && after == After::Key => {
                    // A list may stand at the same column as the key it belongs to.
                    self.pos = line.content;
                    if self.at_dash() {
                        self.block_seq(indent)
                    } else {
                        self.pos = line.start;
                        Ok(Node::Empty)
                    }
                }
                _ => Ok(Node::Empty),
            };
        }
        if self.at_dash() {
            return Err(Declined);
        }
        if self.key().is_some() {
            // `- key: value` opens a mapping at the key's column; `a: b: c` is an error.
            if after == After::Key {
                return Err(Declined);
            }
            let column = self.pos - self.src[..self.pos].rfind('\n').map_or(0, |i| i + 1);
            return self.block_map(column);
        }
        let node = match self.bytes[self.pos] {
            b'[' => self.flow_seq()?,
            b'{' => self.flow_map()?,
            b'\'' => Node::Scalar(self.single_quoted()?),
            b'"' => Node::Scalar(self.double_quoted()?),
            _ => Node::Scalar(self.plain_in_block()?),
        };
        self.end_of_line()?;
        Ok(node)
    }

    /// A plain scalar in block context: the rest of the line up to a comment.
    fn plain_in_block(&mut self) -> Result<Scalar<'a>> {
        let start = self.pos;
        if !can_start_plain(self.bytes, start) {
            return Err(Declined);
        }
        let end = self.line_end(start);
        let line = &self.src[start..end];
        let line = match line.find(" #") {
            Some(i) => &line[..i],
            None => line,
        };
        let text = line.trim_end_matches(' ');
        if text.contains(": ") || text.ends_with(':') {
            return Err(Declined);
        }
        self.pos = start + line.len();
        Ok(Scalar {
            text: Cow::Borrowed(text),
            plain: true,
            span: Span::new(start, start + text.len()),
        })
    }

    /// A plain scalar inside `[...]` or `{...}`: up to `,`, `]` or `}`.
    fn plain_in_flow(&mut self) -> Result<Scalar<'a>> {
        let start = self.pos;
        if !can_start_plain(self.bytes, start) {
            return Err(Declined);
        }
        let mut i = start;
        while let Some(&b) = self.bytes.get(i) {
            match b {
                b',' | b']' | b'}' => break,
                // `08:00` is one scalar; `a: b` or `a:,` would be a mapping.
                b':' if self.bytes.get(i + 1).is_some_and(u8::is_ascii_alphanumeric) => i += 1,
                b'\n' | b'\r' | b':' | b'[' | b'{' => return Err(Declined),
                b'#' if self.bytes[i - 1] == b' ' => return Err(Declined),
                _ => i += 1,
            }
        }
        let text = self.src[start..i].trim_end_matches(' ');
        self.pos = i;
        Ok(Scalar {
            text: Cow::Borrowed(text),
            plain: true,
            span: Span::new(start, start + text.len()),
        })
    }

    fn flow_node(&mut self) -> Result<Node<'a>> {
        match self.bytes.get(self.pos) {
            Some(b'[') => self.flow_seq(),
            Some(b'{') => self.flow_map(),
            Some(b'\'') => Ok(Node::Scalar(self.single_quoted()?)),
            Some(b'"') => Ok(Node::Scalar(self.double_quoted()?)),
            Some(_) => Ok(Node::Scalar(self.plain_in_flow()?)),
            None => Err(Declined),
        }
    }

    /// `[a, b, ...]` on one line; `pos` is at `[`.
    fn flow_seq(&mut self) -> Result<Node<'a>> {
        self.enter()?;
        self.pos += 1;
        let mut items = Vec::new();
        loop {
            self.skip_spaces();
            if self.bytes.get(self.pos) == Some(&b']') {
                break;
            }
            items.push(self.flow_node()?);
            if self.flow_item_end(b']')? {
                break;
            }
        }
        self.pos += 1;
        self.depth -= 1;
        Ok(Node::Seq(items))
    }

    /// `{key: value, ...}` on one line; `pos` is at `{`.
    fn flow_map(&mut self) -> Result<Node<'a>> {
        self.enter()?;
        self.pos += 1;
        let mut entries: Vec<(&'a str, Node<'a>)> = Vec::new();
        loop {
            self.skip_spaces();
            if self.bytes.get(self.pos) == Some(&b'}') {
                break;
            }
            let (key, after) = self.key().ok_or(Declined)?;
            if self.bytes.get(after) != Some(&b' ')
                || entries.len() == MAX_KEYS
                || entries.iter().any(|(k, _)| *k == key)
            {
                return Err(Declined);
            }
            self.pos = after;
            self.skip_spaces();
            if matches!(self.bytes.get(self.pos), Some(b',' | b'}')) {
                return Err(Declined);
            }
            entries.push((key, self.flow_node()?));
            if self.flow_item_end(b'}')? {
                break;
            }
        }
        self.pos += 1;
        self.depth -= 1;
        Ok(Node::Map(entries))
    }

    /// After an item of a flow: a comma (false: more may follow) or the closing bracket (true).
    fn flow_item_end(&mut self, close: u8) -> Result<bool> {
        self.skip_spaces();
        match self.bytes.get(self.pos) {
            Some(b',') => {
                self.pos += 1;
                Ok(false)
            }
            Some(&b) if b == close => Ok(true),
            _ => Err(Declined),
        }
    }

    /// `'...'` on one line, `''` standing for a quote; `pos` is at the opening quote.
    fn single_quoted(&mut self) -> Result<Scalar<'a>> {
        let start = self.pos;
        let mut i = start + 1;
        let mut owned: Option<String> = None;
        let mut from = i;
        loop {
            match self.bytes.get(i) {
                None | Some(b'\n' | b'\r') => return Err(Declined),
                Some(b'\'') if self.bytes.get(i + 1) == Some(&b'\'') => {
                    owned
                        .get_or_insert_with(String::new)
                        .push_str(&self.src[from..=i]);
                    i += 2;
                    from = i;
                }
                Some(b'\'') => break,
                Some(_) => i += 1,
            }
        }
        self.quoted(start, i, owned, &self.src[from..i])
    }

    /// `"..."` on one line with the common escapes; `pos` is at the opening quote.
    fn double_quoted(&mut self) -> Result<Scalar<'a>> {
        let start = self.pos;
        let mut i = start + 1;
        let mut owned: Option<String> = None;
        let mut from = i;
        loop {
            match self.bytes.get(i) {
                None | Some(b'\n' | b'\r') => return Err(Declined),
                Some(b'"') => break,
                Some(b'\\') => {
                    let s = owned.get_or_insert_with(String::new);
                    s.push_str(&self.src[from..i]);
                    let (c, len) = escape(&self.bytes[i + 1..])?;
                    s.push(c);
                    i += 1 + len;
                    from = i;
                }
                Some(_) => i += 1,
            }
        }
        self.quoted(start, i, owned, &self.src[from..i])
    }

    /// A quoted scalar from `start` to the closing quote at `close`: the text unescaped so far
    /// (if any was) and the rest.
    fn quoted(
        &mut self,
        start: usize,
        close: usize,
        unescaped: Option<String>,
        rest: &'a str,
    ) -> Result<Scalar<'a>> {
        let text = match unescaped {
            None => Cow::Borrowed(rest),
            Some(mut text) => {
                text.push_str(rest);
                Cow::Owned(text)
            }
        };
        self.pos = close + 1;
        Ok(Scalar {
            text,
            plain: false,
            span: Span::new(start, self.pos),
        })
    }
}

/// The character of a `\` escape starting at `rest` (after the backslash) and the bytes it
/// takes. Only the escapes plans use; the rarer ones go to serde-saphyr.
fn escape(rest: &[u8]) -> Result<(char, usize)> {
    let c = match rest.first().ok_or(Declined)? {
        b'\\' => '\\',
        b'"' => '"',
        b'/' => '/',
        b'n' => '\n',
        b't' => '\t',
        b'r' => '\r',
        b'0' => '\0',
        b'u' => {
            let hex = rest.get(1..5).ok_or(Declined)?;
            let hex = std::str::from_utf8(hex).map_err(|_| Declined)?;
            let code = u32::from_str_radix(hex, 16).map_err(|_| Declined)?;
            return Ok((char::from_u32(code).ok_or(Declined)?, 5));
        }
        _ => return Err(Declined),
    };
    Ok((c, 1))
}

/// A plain scalar may start at `i`: not with an indicator, and `-`, `?` or `:` only when
/// followed by a letter or digit (`-5`, `-x`).
fn can_start_plain(bytes: &[u8], i: usize) -> bool {
    match bytes[i] {
        b'-' | b'?' | b':' => bytes.get(i + 1).is_some_and(|b| b.is_ascii_alphanumeric()),
        b',' | b'[' | b']' | b'{' | b'}' | b'#' | b'&' | b'*' | b'!' | b'|' | b'>' | b'\''
        | b'"' | b'%' | b'@' | b'`' | b' ' | b'\n' | b'\r' => false,
        _ => true,
    }
}

/// Gives up on control characters (tab and a CR not followed by LF included), DEL, C1 controls
/// and NEL, byte order marks and the non-characters U+FFFE and U+FFFF: YAML treats each of them
/// specially.
fn only_plain_characters(bytes: &[u8]) -> Result<()> {
    for (i, &b) in bytes.iter().enumerate() {
        let special = match b {
            b'\n' => false,
            b'\r' => bytes.get(i + 1) != Some(&b'\n'),
            0..0x20 | 0x7f => true,
            0xc2 => matches!(bytes.get(i + 1), Some(0x80..=0x9f)),
            0xef => matches!(
                (bytes.get(i + 1), bytes.get(i + 2)),
                (Some(0xbb), Some(0xbf)) | (Some(0xbf), Some(0xbe | 0xbf))
            ),
            _ => false,
        };
        if special {
            return Err(Declined);
        }
    }
    Ok(())
}
