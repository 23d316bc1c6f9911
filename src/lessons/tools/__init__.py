"""Tools for instructors and authors, run from the command line (``python -m lessons …``).

Nothing a student runs imports this package: launch links (``links``), the instructor guide
(``guide``, which also writes the syllabus and teacher primers with ``kit``), printable handouts
(``handouts``), grading handed-in notebooks (``grade``), the question bank for an LMS quiz
(``quiz``), the lessons' house form (``authoring``, the ``notes`` command) and the data
catalogue's README (``catalogue``).
"""
