#!/usr/bin/env python3
"""Checks that no English leaks from the Vietnamese interface.

  check_po.py PROJECT_ROOT WORK_DIR [PO]   (PO: default PROJECT_ROOT/po/vi.po)

1. Extracts every message of lib/ and tools/ (scripts/update-po POT) and merges
   po/vi.po with it (msgmerge, no fuzzy matching): msgfmt --statistics must
   report only translated messages: 0 untranslated, 0 fuzzy.
2. po/vi.po holds no message the sources no longer have (obsolete entries).
3. Every translation keeps the placeholders of its message, {0}, {1}, ...;
   a message with values numbers them (positional, so the word order can
   change) and has no bare {}.
4. A translation is not the English message again, and uses “…” rather than
   ASCII single quotes.
Prints each problem as po/vi.po:LINE: ... and exits 1 when there is one.
"""
import re
import subprocess
import sys
from pathlib import Path

root = Path(sys.argv[1])
work = Path(sys.argv[2])
work.mkdir(parents=True, exist_ok=True)
pot = work / "tthc.pot"
merged = work / "vi.merged.po"
po = Path(sys.argv[3]) if len(sys.argv) > 3 else root / "po" / "vi.po"
problems = []

subprocess.run([str(root / "scripts" / "update-po"), str(pot)], check=True)
subprocess.run(["msgmerge", "--quiet", "--no-fuzzy-matching", "--no-wrap", "-o", str(merged), str(po), str(pot)],
               check=True)
stats = subprocess.run(["msgfmt", "--statistics", "--check", "-o", "/dev/null", str(merged)],
                       capture_output=True, text=True)
summary = stats.stderr.strip()
if stats.returncode != 0 or not re.fullmatch(r"\d+ translated messages?\.", summary):
    problems.append(f"msgfmt --statistics: {summary}")
obsolete = subprocess.run(["msgattrib", "--only-obsolete", "--no-wrap", str(merged)], capture_output=True,
                          text=True, check=True).stdout
for m in re.finditer(r'^#~ msgid "(.*)"$', obsolete, re.M):
    if m.group(1):
        problems.append(f"{po.name}: obsolete (no longer in the sources): \"{m.group(1)}\"")


def entries(path):
    """Yields (line, msgctxt, msgid, msgid_plural, [msgstr...], fuzzy) of a PO file."""
    cur, field, line, fuzzy = {}, None, 0, False

    def unquote(s):
        return bytes(s[1:-1], "utf-8").decode("unicode_escape").encode("latin-1").decode("utf-8")

    def flush():
        if "msgid" in cur:
            strs = [cur[k] for k in sorted(k for k in cur if k.startswith("msgstr"))]
            yield (cur["line"], cur.get("msgctxt"), cur["msgid"], cur.get("msgid_plural"), strs, cur.get("fuzzy"))

    for n, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        s = raw.strip()
        if not s or s.startswith("#~"):
            continue
        if s.startswith("#,") and "fuzzy" in s:
            fuzzy = True
            continue
        if s.startswith("#"):
            continue
        m = re.match(r'^(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?) (".*")$', s)
        if m:
            key = m.group(1)
            if key in ("msgctxt", "msgid") and (key == "msgctxt" or "msgctxt" not in cur or "msgid" in cur):
                yield from flush()
                cur = {"line": n}
                if fuzzy:
                    cur["fuzzy"] = True
                fuzzy = False
            cur[key] = unquote(m.group(2))
            field = key
        elif s.startswith('"'):
            cur[field] += unquote(s)
    yield from flush()


placeholder = re.compile(r"\{\{|\}\}|\{([^{}]*)\}")


def holes(text):
    out = []
    for m in placeholder.finditer(text):
        if m.group(0) in ("{{", "}}"):
            continue
        out.append(m.group(1).split(":")[0])
    return out


for line, ctxt, msgid, plural, strs, fuzzy in entries(po):
    if msgid == "":
        continue
    where = f"{po.name}:{line}"
    if fuzzy:
        problems.append(f"{where}: fuzzy: \"{msgid}\"")
    ids = holes(msgid) + (holes(plural) if plural else [])
    if "" in ids:
        problems.append(f"{where}: a bare {{}} in \"{msgid}\": number the values, {{0}} {{1}}")
    for s in strs:
        if not s:
            continue
        if sorted(set(holes(s))) != sorted(set(ids)):
            problems.append(f"{where}: placeholders {sorted(set(holes(s)))} in the translation, "
                            f"{sorted(set(ids))} in \"{msgid}\"")
        if s == msgid and re.search(r"[a-z]{3,} [a-z]{3,}", msgid):
            problems.append(f"{where}: the translation is the English message: \"{msgid}\"")
        if re.search(r"(^|[\s(])'[^']*'", s):
            problems.append(f"{where}: ASCII single quotes in \"{s}\": write “…”")

for p in problems:
    print(p)
if not problems:
    print(f"{po.name}: {summary}")
sys.exit(1 if problems else 0)
