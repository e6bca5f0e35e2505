//! Evaluation against annotated samples: [`relations`] scores typed relations.

pub mod relations;
