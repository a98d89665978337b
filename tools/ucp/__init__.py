"""The UCP shopping service (catalog, carts, checkout sessions, orders) shared by REST and MCP."""
