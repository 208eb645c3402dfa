/// Which page of a numbered list, counted from 0 inside Spolu. A number from an address may be
/// anything up to `u64::MAX`; multiplied by a page size it would overflow (a panic) or reach the
/// database as a negative offset, so it is bounded where it enters. No list has this many pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct PageIndex(u64);

impl PageIndex {
    pub const MAX: u64 = 100_000;

    /// From a page number counted from 1, as the open-data API and people count.
    pub fn from_number(number: Option<u64>) -> Self {
        Self(number.unwrap_or(1).clamp(1, Self::MAX + 1) - 1)
    }

    /// From an index counted from 0, as Spolu's own "more" links count.
    pub fn from_index(index: Option<u64>) -> Self {
        Self(index.unwrap_or(0).min(Self::MAX))
    }

    pub fn get(self) -> u64 {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::PageIndex;

    #[test]
    fn a_huge_page_number_is_bounded_and_multiplies_safely() {
        let huge = PageIndex::from_number(Some(u64::MAX));
        assert_eq!(huge.get(), PageIndex::MAX);
        assert!(
            huge.get()
                .checked_mul(100)
                .is_some_and(|n| n < i64::MAX as u64)
        );
        assert_eq!(PageIndex::from_index(Some(u64::MAX)).get(), PageIndex::MAX);
        assert_eq!(PageIndex::from_number(Some(0)).get(), 0);
        assert_eq!(PageIndex::from_number(None).get(), 0);
        assert_eq!(PageIndex::from_number(Some(3)).get(), 2);
        assert_eq!(PageIndex::from_index(Some(3)).get(), 3);
    }
}
