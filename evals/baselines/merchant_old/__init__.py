"""The merchant assistant as it was before issue 12 (commit a72f1d1), kept to report its figures.

Only imports were changed (packages moved since). Its nodes read ``date.today()``; the
eval pins that day by replacing the module's ``date`` (see ``evals.merchant_messages``).
"""
