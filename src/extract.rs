//! The `byline extract` record: one article and its analysis as one JSON line.
