"""Attribute extraction at import: type, features, materials, audiences, sizes and colours.

Each value is kept with the span of listing text it came from.
"""

from knowledge.extraction.extract import Extraction, extract, product_type

__all__ = ["Extraction", "extract", "product_type"]
