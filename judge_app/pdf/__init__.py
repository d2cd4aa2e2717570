"""PDF documents: Thai text handling (:mod:`.thai_text`), page furniture and the reports."""

from .thai_text import ThaiParagraph, break_points, draw_line, segment, thai_digits, to_digits, wrap_lines

__all__ = ["ThaiParagraph", "break_points", "draw_line", "segment", "thai_digits", "to_digits", "wrap_lines"]
