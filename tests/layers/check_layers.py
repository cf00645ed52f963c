#!/usr/bin/env python3
"""The layering rule of lib/ (lib/ARCHITECTURE.md), enforced.

Reads the one line of ARCHITECTURE.md that starts with "layers:" and checks
every file under lib/ and tests/unit/:
  - no source file at the root of lib/; every folder of lib/ is a layer;
  - every quoted include names its folder ("catalog/loader.hpp");
  - a file of a layer includes only its own layer and earlier ones;
  - tests/unit/ has one folder per layer it tests (and data/, their inputs).
Prints one line per violation, "path:line: message", and exits 1 if any.
Usage: check_layers.py LIB_DIR [UNIT_TEST_DIR]
"""
import os
import re
import sys

INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"')


def read_layers(lib):
    path = os.path.join(lib, "ARCHITECTURE.md")
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("layers:"):
                names = [n.strip() for n in line[len("layers:"):].split("->")]
                if not all(names):
                    sys.exit(f"{path}: the layers: line has an empty name")
                return names
    sys.exit(f"{path}: no line starts with 'layers:'")


def main():
    lib = sys.argv[1]
    unit = sys.argv[2] if len(sys.argv) > 2 else None
    layers = read_layers(lib)
    rank = {name: i for i, name in enumerate(layers)}
    problems = []
    for entry in sorted(os.listdir(lib)):
        full = os.path.join(lib, entry)
        if os.path.isdir(full):
            if entry not in rank:
                problems.append(f"{full}: a folder that is not a layer of ARCHITECTURE.md")
        elif entry not in ("CMakeLists.txt", "ARCHITECTURE.md"):
            problems.append(f"{full}: a file at the root of lib/; it belongs in a layer folder")
    for layer in layers:
        folder = os.path.join(lib, layer)
        if not os.path.isdir(folder):
            problems.append(f"{folder}: a layer of ARCHITECTURE.md with no folder")
            continue
        for name in sorted(os.listdir(folder)):
            path = os.path.join(folder, name)
            if not name.endswith((".cpp", ".hpp", ".in")):
                continue
            with open(path, encoding="utf-8") as f:
                for number, text in enumerate(f, 1):
                    m = INCLUDE.match(text)
                    if not m:
                        continue
                    target = m.group(1)
                    head = target.split("/")[0]
                    if "/" not in target or head not in rank:
                        problems.append(f"{path}:{number}: include \"{target}\" does not name a layer folder")
                    elif rank[head] > rank[layer]:
                        problems.append(f"{path}:{number}: {layer} includes \"{target}\" from the later layer {head}")
    if unit:
        for entry in sorted(os.listdir(unit)):
            full = os.path.join(unit, entry)
            if os.path.isdir(full) and entry not in rank and entry != "data":
                problems.append(f"{full}: a unit-test folder that mirrors no layer")
            elif os.path.isfile(full) and entry.startswith("test_") and entry.endswith(".cpp"):
                problems.append(f"{full}: a unit test outside a layer folder")
    for p in problems:
        print(p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
