#!/usr/bin/env python3
"""Writes a directory catalog of N small, valid procedures (for tests that need
more files than export loads in one part, 256), optionally breaking some:
  make_parts_catalog.py DIR N [--break I:KIND ...]
KIND is syntax (an unclosed string), duration (a bad thời hạn) or duplicate
(the code of procedure 0)."""
import os
import sys


def procedure(code, i):
    return f'''code = "{code}"
name = "Thủ tục thử số {i}"
field = "Hộ tịch"
levels = [
  "xã",
]
agency = "Ủy ban nhân dân cấp xã"

[[channels]]
kind = "trực tiếp"
time = "{1 + i % 9} ngày làm việc"
fee = 0

[[dossier]]
name = "Tờ khai"
originals = 1

[[legal_basis]]
number = "123/2015/NĐ-CP"
title = "Nghị định quy định chi tiết một số điều và biện pháp thi hành Luật Hộ tịch"
'''


def main():
    root, n = sys.argv[1], int(sys.argv[2])
    breaks = {}
    args = sys.argv[3:]
    for k in range(0, len(args), 2):
        assert args[k] == '--break'
        i, kind = args[k + 1].split(':')
        breaks[int(i)] = kind
    os.makedirs(f'{root}/procedures/ho-tich', exist_ok=True)
    with open(f'{root}/catalog.toml', 'w', encoding='utf-8') as f:
        f.write('[catalog]\nid = "thu"\nname = "Bộ thủ tục thử"\nauthority = "Ủy ban nhân dân tỉnh Thử"\n'
                'authority_kind = "province"\nplace = "Thử"\n')
    for i in range(n):
        code = f'1.{100000 + i:06d}'
        text = procedure(code, i)
        kind = breaks.get(i)
        if kind == 'syntax':
            text = text.replace('field = "Hộ tịch"', 'field = "Hộ tịch')
        elif kind == 'duration':
            text = text.replace(' ngày làm việc"', ' ngày làm việc kể từ ngày nhận hồ sơ"')
        elif kind == 'duplicate':
            text = text.replace(f'code = "{code}"', 'code = "1.100000"')
        with open(f'{root}/procedures/ho-tich/{code}.toml', 'w', encoding='utf-8') as f:
            f.write(text)


main()
