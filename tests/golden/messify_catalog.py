#!/usr/bin/env python3
"""Rewrites every TOML file of a catalog directory in place in a layout as far
from tthc fmt's as TOML allows, holding the same values: keys in reverse
order, literal strings where they can be, lists on one line, dates as they
are, tables of a list inline where the list is short, comments added, text in
NFD. The fmt golden tests format the result and compare it with the original
(tthc diff, tthc export): formatting must not change a value.

usage: messify_catalog.py [--no-comments] DIR
(without comments, formatting the result must give back a formatted
original byte for byte, when it had no comments)
"""
import datetime
import pathlib
import sys
import tomllib
import unicodedata


def nfd(s: str) -> str:
    return unicodedata.normalize("NFD", s)


def key(k: str) -> str:
    return k if k and all(c.isascii() and (c.isalnum() or c in "_-") for c in k) else '"' + k + '"'


def string(s: str) -> str:
    s = nfd(s)
    if "'" not in s and "\n" not in s and all(ord(c) >= 0x20 and ord(c) != 0x7F for c in s):
        return "'" + s + "'"  # a literal string
    if "\n" in s and '"""' not in s and "\\" not in s and all(ord(c) >= 0x20 or c == "\n" for c in s) \
            and not s.endswith('"'):
        return '"""\n' + s + '"""'  # a multi-line basic string
    out = []
    for c in s:
        if c == '"':
            out.append('\\"')
        elif c == "\\":
            out.append("\\\\")
        elif c == "\n":
            out.append("\\n")
        elif ord(c) < 0x20 or ord(c) == 0x7F:
            out.append("\\u%04X" % ord(c))
        else:
            out.append(c)
    return '"' + "".join(out) + '"'


def value(v) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int):
        return hex(v) if v > 9 else str(v)  # 0x10: the same integer
    if isinstance(v, float):
        return repr(v)
    if isinstance(v, str):
        return string(v)
    if isinstance(v, (datetime.date, datetime.datetime, datetime.time)):
        return v.isoformat()
    if isinstance(v, list):
        return "[ " + " , ".join(value(x) for x in v) + " ]"
    if isinstance(v, dict):
        return "{" + ",".join(key(k) + "=" + value(x) for k, x in reversed(list(v.items()))) + "}"
    raise TypeError(v)


def is_tables(v) -> bool:
    return isinstance(v, list) and v and all(isinstance(x, dict) for x in v)


def table(t: dict, path: list[str], out: list[str]) -> None:
    items = list(reversed(list(t.items())))
    for k, v in items:
        if isinstance(v, dict) or (is_tables(v) and len(v) > 1):
            continue
        if COMMENTS:
            out.append("# " + nfd("giá trị") + " " + k)  # a comment before the key
        out.append(key(k) + "   =" + value(v) + ("   # " + k if COMMENTS else ""))
    for k, v in items:
        sub = path + [key(k)]
        if isinstance(v, dict):
            out.append("[" + ".".join(sub) + "]")
            table(v, sub, out)
        elif is_tables(v) and len(v) > 1:
            for e in v:  # the order of a list is a value: kept
                out.append("")
                out.append("  [[ " + " . ".join(sub) + " ]]" + ("  # entry" if COMMENTS else ""))
                table(e, sub, out)


COMMENTS = True


def main() -> None:
    global COMMENTS
    args = sys.argv[1:]
    if args and args[0] == "--no-comments":
        COMMENTS = False
        args = args[1:]
    for p in sorted(pathlib.Path(args[0]).rglob("*.toml")):
        if ".tthc" in p.parts:
            continue
        data = tomllib.loads(p.read_text(encoding="utf-8"))
        out = ["# messy " + p.name, ""] if COMMENTS else []
        table(data, [], out)
        p.write_text("\n".join(out) + "\n\n\n", encoding="utf-8")


if __name__ == "__main__":
    main()
