"""Næringspuls ETL: minutes (TXT, MD, PDF, DOCX) → typed model → DuckDB warehouse."""
