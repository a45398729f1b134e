"""The DuckDB warehouse: layered SQL (raw → staging → marts) and the atomic build."""
