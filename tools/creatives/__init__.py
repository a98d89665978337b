"""Creatives: listings, selling points, ad copy, banners and A/B variants, every claim backed."""
