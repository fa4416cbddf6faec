"""Solo play over HTTP: one student plays one scenario alone (classroom.md, "Solo play").

``service`` holds the logic (no web framework); ``routes`` maps it onto the
HTTP API.
"""
