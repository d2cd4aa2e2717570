"""The Qt (PySide6) layer: windows and widgets that show the core and call it."""
