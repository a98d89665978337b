"""Attribute extraction at import: type, features, materials, audiences, sizes and colours,
each value kept with the span of listing text it came from."""

from knowledge.extraction.extract import Extraction, extract, product_type

__all__ = ["Extraction", "extract", "product_type"]
