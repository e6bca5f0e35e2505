//! Integration tests: the real `actorgraph` binary on the real seed articles.

mod it;
