#!/usr/bin/env python3
"""Writes one Markdown page of many influxctl blocks, to measure how a page's cost grows.

usage: gen-page.py KIND BLOCKS OUT_FILE
  KIND create: each block creates a token that reads one database of its own (db0, db1, ...)
  KIND list:   each block lists the tokens
The same arguments always give the same bytes.
"""
import sys


def block(kind, n):
    if kind == "create":
        return f'```sh\ninfluxctl token create --read-database db{n} "Read-only access to db{n}"\n```\n'
    if kind == "list":
        return "```sh\ninfluxctl token list\n```\n"
    raise SystemExit(f"unknown kind {kind!r}: create or list")


def main():
    if len(sys.argv) != 4:
        raise SystemExit(__doc__)
    kind, count, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    with open(out, "w", encoding="utf-8") as page:
        page.write("---\ntitle: Generated page\n---\n\n")
        for n in range(count):
            page.write(f"Block {n}.\n\n")
            page.write(block(kind, n))
            page.write("\n")


if __name__ == "__main__":
    main()
