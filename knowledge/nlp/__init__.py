"""Language understanding shared by every layer: slot tagger, prices, numbers, negation."""
