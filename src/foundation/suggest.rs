//! Did you mean: the nearest known id to a mistyped one.

/// The closest of `candidates` to `word`, if it is close enough to be a likely typo.
pub fn suggest<'c>(word: &str, candidates: impl Iterator<Item = &'c str>) -> Option<&'c str> {
    let limit = (word.chars().count() / 3).max(2);
    candidates
        .map(|c| (strsim::levenshtein(word, c), c))
        .filter(|&(distance, c)| distance <= limit || c.starts_with(word) || word.starts_with(c))
        .min_by(|a, b| a.0.cmp(&b.0).then(a.1.cmp(b.1)))
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggestions_find_near_misses() {
        let ids = ["qu-shuiliju", "qu-yingjiju", "overall"];
        assert_eq!(suggest("qu-shuili", ids.into_iter()), Some("qu-shuiliju"));
        assert_eq!(suggest("qu-yingjju", ids.into_iter()), Some("qu-yingjiju"));
        assert_eq!(suggest("forest", ids.into_iter()), None);
    }
}
