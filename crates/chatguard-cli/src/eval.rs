//! Quality evaluation of the detectors over the labelled synthetic corpus in `tests/eval/`.
