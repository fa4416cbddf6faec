"""Counsellor reports: ``model`` aggregates stored sessions; ``html_report``,
``csv_report`` and ``json_report`` render the model; ``charts`` draws inline SVG."""

FORMATS = ("html", "csv", "json")
