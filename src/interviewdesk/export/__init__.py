"""Exports: PDF summaries for the hiring panel."""
