"""Renderers: project data in, Markdown text out. Only kb.stage writes files."""
