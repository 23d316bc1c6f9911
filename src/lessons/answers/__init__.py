"""A student's answers: kept on disk as they are given, shown back, and handed in.

``store`` records every answer (question widgets, ``lessons.check``, document prompts and
argument boxes) in the student's own folder, so that answers survive a kernel restart;
``payload`` turns them into the hand-in record a notebook carries; ``hand_in`` shows them.
"""
