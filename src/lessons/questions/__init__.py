"""Self-check questions: the bank in ``data/questions.json``, checking, and widgets.

>>> from lessons.questions import check
>>> check("0.1", "not a letter").status
'invalid'
"""
from .check import Feedback, check
from .widget import QuestionWidget, question

__all__ = ["Feedback", "check", "question", "QuestionWidget"]
