"""Practice mode: fictional cases, model answers, and why each part is built as it is.

A new practitioner reads a case, drafts each part of a plan, sees the quality
findings on their attempt (``bot.quality``), compares it with the model answer
(``PracticeCase.model_answer``) and reads why that part matters (``why``).
``practice_summary`` closes the session with what went well and what to practise.
"""

from bot.practice.cases import PracticeCase, get_case, list_cases, random_case
from bot.practice.feedback import PracticeSummary, practice_summary
from bot.practice.why import STEPS, why

__all__ = [
    "STEPS",
    "PracticeCase",
    "PracticeSummary",
    "get_case",
    "list_cases",
    "practice_summary",
    "random_case",
    "why",
]
