"""The guided interview: a checklist, not a flowchart.

The next question is always the first thing the plan still lacks (or the one
the person asked to go back to or change). Everything here is plain Python:
the Rasa actions and the storage layer sit around it.
"""
