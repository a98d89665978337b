"""Evaluation suites, one module each; importing this package registers every one of them.

A new suite is a module here with a function decorated ``@register_suite("<name>")``
(from :mod:`evals.results`) and one line below.
"""

from evals.suites import (  # noqa: F401
    creative,
    extraction,
    honest,
    knowledge,
    merchant,
    retrieval,
    shopper,
    ucp_agent,
    understanding,
)
