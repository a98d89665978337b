"""The learned ranker: LightGBM lambdarank over hybrid candidates, trained on ESCI judgments."""
