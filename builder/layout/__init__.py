"""Checked sections -> ReportLab flowables and page templates; the only package that knows ReportLab."""
