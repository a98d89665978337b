"""One router per resource; ``server.app`` includes the ones that exist."""
