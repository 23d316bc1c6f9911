"""Command line: ``python -m lessons links|guide|handouts``.

    python -m lessons links --repo https://github.com/owner/repo [--ref main] [--hub https://hub.example.edu]
    python -m lessons guide            # rewrite docs/instructor-guide.md (answer key included)
    python -m lessons handouts [--out handouts] [--no-pdf]
    python -m lessons notes            # for authors: number the lessons' citation notes, house dollars
"""
from __future__ import annotations

import argparse
import sys

from .errors import LessonInputError


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m lessons", description="Tools for instructors.")
    commands = parser.add_subparsers(dest="command", required=True)
    links = commands.add_parser("links", help="print the Binder (and JupyterHub) link of every lesson")
    links.add_argument("--repo", required=True, help="the repository's web address")
    links.add_argument("--ref", default="main", help="branch or tag (default: main)")
    links.add_argument("--hub", help="a JupyterHub's address, for nbgitpuller links")
    commands.add_parser("guide", help="rewrite docs/instructor-guide.md from the lessons and the question bank")
    handouts = commands.add_parser("handouts", help="build every lesson as HTML and PDF handouts")
    handouts.add_argument("--out", default="handouts", help="output folder (default: handouts)")
    handouts.add_argument("--no-pdf", action="store_true", help="HTML only")
    commands.add_parser("notes", help="for authors: number every lesson's citation notes and write dollars as \\\\$")
    args = parser.parse_args(argv)
    try:
        if args.command == "links":
            from .links import links_table

            print(links_table(args.repo, args.ref, args.hub))
        elif args.command == "guide":
            from .guide import write_guide

            print(f"wrote {write_guide()}")
        elif args.command == "notes":
            from .authoring import normalise_lessons

            for path in normalise_lessons():
                print(f"rewrote {path}")
        else:
            from .handouts import build_handouts

            for path in build_handouts(args.out, pdf=not args.no_pdf):
                print(f"wrote {path}")
    except LessonInputError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
