"""COSMO-style commonsense knowledge: typed assertions, built, filtered, reviewed, served."""
