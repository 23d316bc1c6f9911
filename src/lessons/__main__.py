"""One command line for the instructors' and authors' tools (:mod:`lessons.tools`).

    python -m lessons links --repo https://github.com/owner/repo [--ref main] [--hub https://hub.example.edu]
    python -m lessons guide            # rewrite docs/instructor-guide.md (answer key included), docs/syllabus.md
                                       # and the teacher primers in docs/primers/
    python -m lessons handouts [--out handouts] [--no-pdf]
    python -m lessons notes            # for authors: number the lessons' citation notes, house dollars
    python -m lessons catalogue        # rewrite data/README.md from data/datapackage.json
    python -m lessons grade handed-in/*.ipynb --out grades [--lesson 1]   # re-judge hand-ins, review open answers
    python -m lessons quiz --out quizzes [--lesson 1]   # the question bank for Canvas (QTI) and Moodle (XML)
    python -m lessons prerender [--out DIR]   # render the lessons' charts once, so kernels show them at once
"""
from __future__ import annotations

import argparse
import sys

from .errors import LessonInputError
from .tools.authoring import normalise_lessons
from .tools.catalogue import write_data_readme
from .tools.grade import main as grade_main
from .tools.guide import write_guide
from .tools.handouts import build_handouts
from .tools.kit import write_kit
from .tools.links import links_table
from .tools.prerender import prerender
from .tools.quiz_export import export_quizzes


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m lessons", description="Tools for instructors and authors.")
    commands = parser.add_subparsers(dest="command", required=True)
    links = commands.add_parser("links", help="print the Binder (and JupyterHub) link of every lesson")
    links.add_argument("--repo", required=True, help="the repository's web address")
    links.add_argument("--ref", default="main", help="branch or tag (default: main)")
    links.add_argument("--hub", help="a JupyterHub's address, for nbgitpuller links")
    commands.add_parser("guide", help="rewrite docs/instructor-guide.md, docs/syllabus.md and docs/primers/ from the "
                        "lessons, the data and the question bank")
    handouts = commands.add_parser("handouts", help="build every lesson as HTML and PDF handouts")
    handouts.add_argument("--out", default="handouts", help="output folder (default: handouts)")
    handouts.add_argument("--no-pdf", action="store_true", help="HTML only")
    commands.add_parser("notes", help="for authors: number every lesson's citation notes and write dollars as \\\\$")
    commands.add_parser("catalogue", help="rewrite data/README.md from data/datapackage.json")
    grade = commands.add_parser("grade", help="grade handed-in notebooks: grades.csv, problems.csv, review.html")
    grade.add_argument("submissions", nargs="*", help="the handed-in .ipynb files")
    grade.add_argument("--out", required=True, help="folder for grades.csv, problems.csv and review.html")
    grade.add_argument("--lesson", help="grade only hand-ins of this lesson number (others are reported)")
    quiz = commands.add_parser("quiz", help="export the question bank as text2qti source, QTI zips and Moodle XML")
    quiz.add_argument("--out", required=True, help="folder for the quiz files")
    quiz.add_argument("--lesson", help="only this lesson's questions (default: every lesson, one quiz each)")
    cache = commands.add_parser("prerender", help="render every lesson's static charts into the render cache "
                                "(run by the set-up; a JupyterHub image should run it after installing the course)")
    cache.add_argument("--out", help="folder to keep them in (default: the first writable of the usual folders)")
    return parser


def _run(args: argparse.Namespace) -> list[str]:
    """Carry out one command; return the lines to print."""
    if args.command == "links":
        return [links_table(args.repo, args.ref, args.hub)]
    if args.command == "guide":
        return [f"wrote {write_guide()}", *(f"wrote {path}" for path in write_kit())]
    if args.command == "notes":
        return [f"rewrote {path}" for path in normalise_lessons()]
    if args.command == "catalogue":
        return [f"wrote {write_data_readme()}"]
    if args.command == "prerender":
        return prerender(args.out)
    if args.command == "quiz":
        return [f"wrote {path}" for path in export_quizzes(args.out, args.lesson)]
    return [f"wrote {path}" for path in build_handouts(args.out, pdf=not args.no_pdf)]


def main(argv: list[str] | None = None) -> int:
    """Run the command line; a bad option gets a message and exit code 2, never a traceback."""
    args = _parser().parse_args(argv)
    if args.command == "grade":  # its own exit codes: 1 when no hand-in could be graded
        return grade_main(args.submissions, args.out, args.lesson)
    try:
        for line in _run(args):
            print(line)
    except LessonInputError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
