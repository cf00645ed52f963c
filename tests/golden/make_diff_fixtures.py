#!/usr/bin/env python3
"""Makes fixtures/diff/*/ from real records of catalogs/bo-tu-phap: an OLD
catalog of seven real procedures and, per case, a NEW one with one kind of
change. Run from the project root; the expected outputs are then made with
TTHC_REGEN=1 tests/golden/run_case.sh and reviewed by eye before committing."""
import os, re, shutil, unicodedata

SRC = 'catalogs/bo-tu-phap'
PICK = ['ho-tich/2.001023', 'ho-tich/2.000986', 'ho-tich/1.000593', 'ho-tich/1.000419', 'ho-tich/1.003583',
        'chung-thuc/2.000815', 'chung-thuc/2.000884']
OUT = 'fixtures/diff'
CATALOG = open(f'{SRC}/catalog.toml').read()


def base(path):
    os.makedirs(f'{path}/procedures', exist_ok=True)
    open(f'{path}/catalog.toml', 'w').write(CATALOG)
    for p in PICK:
        os.makedirs(os.path.dirname(f'{path}/procedures/{p}'), exist_ok=True)
        shutil.copy(f'{SRC}/procedures/{p}.toml', f'{path}/procedures/{p}.toml')


def edit(path, fn):
    s = open(path).read()
    t = fn(s)
    assert t != s, path
    open(path, 'w').write(t)


def case(name, args, change):
    d = f'{OUT}/{name}'
    shutil.rmtree(d, ignore_errors=True)
    base(f'{d}/old')
    base(f'{d}/new')
    change(f'{d}/new')
    open(f'{d}/args', 'w').write(args + '\n')


def no_change(n):
    # moved to another sub-folder
    os.makedirs(f'{n}/procedures/khac', exist_ok=True)
    shutil.move(f'{n}/procedures/ho-tich/2.001023.toml', f'{n}/procedures/khac/2.001023.toml')
    # keys reordered and a comment added
    def reorder(s):
        lines = s.split('\n')
        return '# Đã rà soát ngày 01/10/2026\n' + '\n'.join([lines[1], lines[0]] + lines[2:])
    edit(f'{n}/procedures/ho-tich/2.000986.toml', reorder)
    # text saved in NFD, and blank lines / spacing changed
    edit(f'{n}/procedures/ho-tich/1.000593.toml', lambda s: unicodedata.normalize('NFD', s).replace(' = ', '   =   '))
    # legal bases in another order
    def swap_basis(s):
        parts = s.split('[[legal_basis]]')
        if len(parts) < 3:
            return s + '\n'
        return parts[0] + '[[legal_basis]]' + parts[2].rstrip('\n') + '\n\n[[legal_basis]]' + parts[1].rstrip('\n') + '\n' + ''.join('[[legal_basis]]' + p for p in parts[3:])
    edit(f'{n}/procedures/ho-tich/1.003583.toml', swap_basis)


def classify(n):
    # amended: a field and a channel's thời hạn
    edit(f'{n}/procedures/ho-tich/1.000419.toml',
         lambda s: s.replace('agency = "', 'agency = "Ủy ban nhân dân cấp xã; ', 1))
    # abolished: moved to abolished/
    os.makedirs(f'{n}/abolished', exist_ok=True)
    shutil.move(f'{n}/procedures/ho-tich/1.000593.toml', f'{n}/abolished/1.000593.toml')
    # missing: vanished without a decision
    os.remove(f'{n}/procedures/chung-thuc/2.000884.toml')
    # new
    s = open(f'{SRC}/procedures/ho-tich/1.000094.toml').read()
    open(f'{n}/procedures/ho-tich/1.000094.toml', 'w').write(s)
    # replaced, declared by a decision: 2.000986 → 1.012345
    s = open(f'{n}/procedures/ho-tich/2.000986.toml').read()
    os.remove(f'{n}/procedures/ho-tich/2.000986.toml')
    shutil.copy(f'{SRC}/procedures/ho-tich/2.000986.toml', f'{n}/abolished/2.000986.toml')
    s = s.replace('code = "2.000986"', 'code = "1.012345"').replace('name = "', 'name = "(Mới) ', 1)
    open(f'{n}/procedures/ho-tich/1.012345.toml', 'w').write(s)
    os.makedirs(f'{n}/decisions', exist_ok=True)
    open(f'{n}/decisions/2026-1234.toml', 'w').write('''number = "1234/QĐ-BTP"
date = 2026-10-01
title = "Về việc công bố thủ tục hành chính mới ban hành, được thay thế, bị bãi bỏ lĩnh vực Hộ tịch"
effective = 2026-11-01
replaced = [{ old = "2.000986", new = "1.012345" }]
''')
    # replaced, detected by the same name: 2.001023 → 1.054321 (not declared)
    s = open(f'{n}/procedures/ho-tich/2.001023.toml').read()
    os.remove(f'{n}/procedures/ho-tich/2.001023.toml')
    open(f'{n}/procedures/ho-tich/1.054321.toml', 'w').write(s.replace('code = "2.001023"', 'code = "1.054321"'))


def lists(n):
    # one dossier entry inserted at the front: one insertion, not a cascade
    def insert_dossier(s):
        i = s.index('[[dossier]]')
        return s[:i] + '[[dossier]]\nname = "Giấy tờ chứng minh nơi cư trú"\noriginals = 0\ncopies = 1\n\n' + s[i:]
    edit(f'{n}/procedures/ho-tich/1.000419.toml', insert_dossier)
    # a dossier entry removed, another's copies changed
    def dossier_edits(s):
        parts = s.split('[[dossier]]')
        assert len(parts) >= 3
        second = re.sub(r'copies = \d+', 'copies = 2', parts[2]) if 'copies' in parts[2] else parts[2].rstrip('\n') + '\ncopies = 2\n\n'
        return parts[0] + '[[dossier]]' + second + ''.join('[[dossier]]' + p for p in parts[3:])
    edit(f'{n}/procedures/ho-tich/1.003583.toml', dossier_edits)
    # a new channel, and a channel's fee changed
    def channels(s):
        i = s.index('[[channels]]')
        s = s[:i] + '[[channels]]\nkind = "bưu chính"\ntime = "5 ngày làm việc"\nfee = 0\n\n' + s[i:]
        return re.sub(r'fee = \d+', 'fee = 50000', s, count=1)
    edit(f'{n}/procedures/chung-thuc/2.000815.toml', channels)
    # a legal basis added; the national code written as a provincial instance
    edit(f'{n}/procedures/ho-tich/2.000986.toml',
         lambda s: s + '\n[[legal_basis]]\nnumber = "118/2025/NĐ-CP"\ntitle = "Nghị định về thực hiện thủ tục hành chính theo cơ chế một cửa, một cửa liên thông"\n')
    os.rename(f'{n}/procedures/ho-tich/2.000986.toml', f'{n}/procedures/ho-tich/2.000986.H26.toml')
    edit(f'{n}/procedures/ho-tich/2.000986.H26.toml', lambda s: s.replace('code = "2.000986"', 'code = "2.000986.H26"'))


def broken(n):
    edit(f'{n}/procedures/ho-tich/1.000419.toml', lambda s: s.replace('name = "', 'name = ', 1))


case('no-change', 'diff old new', no_change)
case('classify', 'diff old new', classify)
case('classify-json', 'diff --format json old new', classify)
case('classify-markdown', 'diff --format markdown old new', classify)
case('classify-stat', 'diff --stat old new', classify)
case('lists', 'diff old new', lists)
case('broken', 'diff old new', broken)
