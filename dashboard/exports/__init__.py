"""Board-ready exports: charts as PNG/SVG/PDF, data as CSV/Excel, board packs as PPTX/PDF."""
