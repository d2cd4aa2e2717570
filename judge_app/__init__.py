"""Domain core of the Digital Local Government award judging app.

Pure Python: nothing here imports Qt, so every rule can be driven from the
command line and from tests without a display.
"""

__version__ = "0.1.0"
