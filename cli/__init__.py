"""The ``shopmage`` command line: thin commands over the packages below it."""
