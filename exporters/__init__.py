"""Exports of a safety plan: Word documents (the plan, the meeting pack) and JSON.

Exporters take a ``bot.plan.model.Plan`` and an ``ExportOptions``; they know
nothing of Rasa, storage or the environment. Import the module you need
(``exporters.docx_plan``, ``exporters.docx_meeting``, ``exporters.json_plan``):
this package itself stays light so that importing it does not load
python-docx or matplotlib.
"""

from exporters.options import ExportOptions

__all__ = ["ExportOptions"]
