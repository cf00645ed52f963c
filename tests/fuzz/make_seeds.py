#!/usr/bin/env python3
"""Seed corpora for the fuzz targets: make_seeds.py TTHC SOURCE_DIR OUT.

OUT/loader: every TOML file of catalogs/, fixtures/ and data/; OUT/toml-tree: the
same, and short texts at the edges of tthc's TOML reader (escapes, multi-line
strings, headers, dates, numbers, CRLF);
OUT/procedure-xml, decision-xml, manifest-xml: the documents of a package
exported from catalogs/ha-noi (with TTHC) and the XML files of fixtures/, by
root element; OUT/values: the short strings of those TOML files (codes,
durations, legal numbers, dates and the rest); OUT/lint-cache: the lint caches
of the shipped catalogs, without their 32-byte checksum (the target adds it);
OUT/dvcqg: the JSON records of catalogs/ha-noi exported --format dvcqg and the
JSON files of fixtures/. Files are named by the SHA-1
of their bytes, so a seed shipped twice is kept once."""
import hashlib
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile
import tomllib

tthc, root, out = sys.argv[1], pathlib.Path(sys.argv[2]), pathlib.Path(sys.argv[3])
shutil.rmtree(out, ignore_errors=True)
targets = ["loader", "toml-tree", "procedure-xml", "decision-xml", "manifest-xml", "values", "lint-cache", "dvcqg"]
for t in targets:
    (out / t).mkdir(parents=True)


def put(target, data):
    (out / target / hashlib.sha1(data).hexdigest()).write_bytes(data)


def strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from strings(v)


tomls = sorted(p for d in ("catalogs", "fixtures", "data") for p in (root / d).rglob("*.toml") if p.is_file())
for path in tomls:
    data = path.read_bytes()
    put("loader", data)
    put("toml-tree", data)
    try:
        doc = tomllib.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError):
        continue  # the fixtures hold broken files on purpose: seeds for the loader only
    for s in strings(doc):
        if 0 < len(s.encode()) <= 64:
            put("values", s.encode())

# The edges of tthc's TOML reader (lib/catalog/toml_tree.cpp): each construct
# it reads, and next to it one it leaves to toml++.
for text in [
    'a = "\\u00e9\\t\\"x\\\\"\n', "a = 'lit'\nb = '''\nml'''\n", 'a = """\\\n   x""""\n', 'a = """a""b"""\n',
    '"q k" = 1\n[t]\n[[t.u]]\nv = -0\n[[t.u]]\n', "a = [ 1, # c\n 2, ]\nb = { c = 'd', e = [] }\n",
    "d = 2024-02-29\ne = 2025-06-12 07:00:00\nf = 2025-13-01\n", "a = 1.5\nb = 0x1F\nc = 1_000\nd = +inf\n",
    "a.b = 1\n", "\ufeffa = 1\r\nb = 2\r\n", "[a.b]\n[a]\n", "a = []\n[[a]]\n", 'k = "\u1ea1" #\u0007\n',
    "a = true#c\nb = false\n", "a = 123456789012345678\nb = 1234567890123456789\n", "x = 'a'\r",
]:
    put("toml-tree", text.encode())

# The first start tag (a letter after '<': not <?xml nor <!--), prefix dropped.
root_element = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)")
with tempfile.TemporaryDirectory() as tmp:
    package = pathlib.Path(tmp) / "package"
    subprocess.run([tthc, "export", str(root / "catalogs" / "ha-noi"), "--out", str(package),
                    "--date", "2026-01-01", "-q"], check=True)
    xmls = sorted(package.rglob("*.xml")) + sorted(p for p in (root / "fixtures").rglob("*.xml") if p.is_file())
    for path in xmls:
        data = path.read_bytes()
        m = root_element.search(data)
        if m and m.group(1) in (b"procedure", b"decision", b"manifest"):
            put(m.group(1).decode() + "-xml", data)

with tempfile.TemporaryDirectory() as tmp:
    for catalog in sorted(p for p in (root / "catalogs").iterdir() if (p / "catalog.toml").is_file()):
        cache = pathlib.Path(tmp) / catalog.name
        subprocess.run([tthc, "lint", "-q", "--today", "2026-11-27", "--cache-dir", str(cache), str(catalog)],
                       stdout=subprocess.DEVNULL)  # exit 1 (findings) is expected
        for f in sorted(cache.iterdir()):
            put("lint-cache", f.read_bytes()[:-32])

with tempfile.TemporaryDirectory() as tmp:
    exported = pathlib.Path(tmp) / "dvcqg"
    subprocess.run([tthc, "export", str(root / "catalogs" / "ha-noi"), "--format", "dvcqg", "--out", str(exported),
                    "--date", "2026-01-01", "-q"], check=True)
    for path in sorted(exported.rglob("*.json")) + sorted(p for p in (root / "fixtures").rglob("*.json") if p.is_file()):
        if path.stat().st_size <= 1 << 20:
            put("dvcqg", path.read_bytes())

for t in targets:
    n = sum(1 for _ in (out / t).iterdir())
    if n == 0:
        sys.exit(f"make_seeds: no seed for {t}")
    print(f"{t}: {n} seeds")
