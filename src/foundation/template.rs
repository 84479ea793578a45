//! Tera for templates that come from a plan repository, which a pull request can change: the
//! templates are data, and nothing in them may reach the machine (issue 28).
//!
//! Tera always registers `get_env`, which reads any environment variable: in CI that is the job's
//! secrets. [`tera`] replaces it with a function that refuses, and bounds `range`, whose loops a
//! one-line template could make grow to gigabytes.

use std::collections::HashMap;

use tera::{Tera, Value};

/// The most items one `range` call may give: far more than any pack lists, far less than a
/// template could use to exhaust memory.
pub const RANGE_LIMIT: usize = 10_000;

/// A Tera instance whose functions reach nothing outside the template's own context.
pub fn tera() -> Tera {
    let mut tera = Tera::default();
    tera.register_function("get_env", refuse_env);
    tera.register_function("range", bounded_range);
    tera
}

/// Tera's error and its causes, on one line.
pub fn describe(error: &tera::Error) -> String {
    let mut message = error.to_string();
    let mut source = std::error::Error::source(error);
    while let Some(cause) = source {
        message.push_str(": ");
        message.push_str(&cause.to_string());
        source = cause.source();
    }
    message
}

fn refuse_env(_: &HashMap<String, Value>) -> tera::Result<Value> {
    Err(tera::Error::msg(
        "get_env is not available: a template reads only what emplan gives it, never the environment",
    ))
}

/// `range(end, start=0, step_by=1)`, as Tera's, with at most [`RANGE_LIMIT`] items.
fn bounded_range(args: &HashMap<String, Value>) -> tera::Result<Value> {
    let number = |name: &str, default: Option<u64>| match args.get(name) {
        Some(value) => value.as_u64().ok_or_else(|| {
            tera::Error::msg(format!("range: `{name}` must be a whole number, 0 or more"))
        }),
        None => default.ok_or_else(|| tera::Error::msg("range: `end` is missing")),
    };
    let (start, end, step) = (
        number("start", Some(0))?,
        number("end", None)?,
        number("step_by", Some(1))?,
    );
    if step == 0 {
        return Err(tera::Error::msg("range: `step_by` must be 1 or more"));
    }
    let count = end.saturating_sub(start).div_ceil(step);
    if count > RANGE_LIMIT as u64 {
        return Err(tera::Error::msg(format!(
            "range: {count} items, more than the {RANGE_LIMIT} a template may ask for"
        )));
    }
    let items = (start..end)
        .step_by(step as usize)
        .map(Value::from)
        .collect();
    Ok(Value::Array(items))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(template: &str) -> Result<String, String> {
        let mut tera = tera();
        tera.add_raw_template("t", template)
            .and_then(|()| tera.render("t", &tera::Context::new()))
            .map_err(|e| describe(&e))
    }

    #[test]
    fn the_environment_is_out_of_reach() {
        let error = render("{{ get_env(name=\"PATH\") }}").unwrap_err();
        assert!(error.contains("get_env is not available"), "{error}");
    }

    #[test]
    fn range_works_within_its_bound_and_refuses_beyond_it() {
        let text = render("{% for i in range(end=7, start=1, step_by=2) %}{{ i }},{% endfor %}");
        assert_eq!(text.unwrap(), "1,3,5,");
        assert_eq!(render("{{ range(end=3) | length }}").unwrap(), "3");
        let error = render("{% for i in range(end=100000000) %}x{% endfor %}").unwrap_err();
        assert!(error.contains("more than the 10000"), "{error}");
        assert!(render("{{ range(end=3, step_by=0) }}").is_err());
    }
}
