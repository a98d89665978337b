"""The learned ranker: LightGBM over hybrid candidates, trained on ESCI judgments (CV-chosen)."""
