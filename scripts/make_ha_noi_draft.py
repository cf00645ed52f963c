#!/usr/bin/env python3
"""Makes catalogs/ha-noi-draft/: the next version of catalogs/ha-noi that a legal
officer would prepare before an announcement, so that `tthc diff` and
`tthc announce` have two shipped versions to work on.

Changes, each a real kind of catalog change:
- amended: 1.003583 (đăng ký khai sinh lưu động) with the changes of the plan
  plans/2026-khai-sinh-luu-dong.toml applied (Tờ khai removed, thời hạn 3 ngày
  làm việc, an online channel opened) and the legal basis that would make them;
- new: 2.001023 (liên thông khai sinh - bảo hiểm y tế trẻ em dưới 6 tuổi), the
  real record of catalogs/bo-tu-phap;
- abolished: 2.000806, moved to abolished/ (never deleted).
The plan itself is not carried over: this version carries it out.
Usage: python3 scripts/make_ha_noi_draft.py [--force]"""
import os
import shutil
import sys
import tempfile

SRC = 'catalogs/ha-noi'
OUT = 'catalogs/ha-noi-draft'


def edit(path, old, new):
    s = open(path, encoding='utf-8').read()
    assert old in s, (path, old)
    open(path, 'w', encoding='utf-8').write(s.replace(old, new, 1))


def main():
    if os.path.exists(OUT) and '--force' not in sys.argv:
        sys.exit(f'{OUT} exists; use --force to make it again')
    tmp = tempfile.mkdtemp(prefix='.ha-noi-draft-', dir='catalogs')
    try:
        shutil.rmtree(tmp)
        shutil.copytree(SRC, tmp)
        os.remove(f'{tmp}/README.md')
        # the plan has been carried out by this version: it stays in the version it was made for
        shutil.rmtree(f'{tmp}/plans')
        p = f'{tmp}/procedures/ho-tich/1.003583.toml'
        s = open(p, encoding='utf-8').read()
        start = s.index('[[dossier]]\nname = "Tờ khai đăng ký khai sinh theo mẫu."')
        end = s.index('[[dossier]]', start + 1)
        s = s[:start] + s[end:]
        import re
        s = re.sub(r'time = "[^"]*"', 'time = "3 ngày làm việc"', s)
        first = s.index('[[channels]]')
        s = (s[:first] + '[[channels]]\nkind = "trực tuyến"\ntime = "3 ngày làm việc"\nfee = 0\n'
             'note = "Đề nghị đăng ký khai sinh lưu động trên Cổng Dịch vụ công quốc gia"\n\n' + s[first:])
        s = s.rstrip('\n') + ('\n\n[[legal_basis]]\nnumber = "118/2025/NĐ-CP"\ntitle = "Nghị định về thực hiện thủ tục '
                              'hành chính theo cơ chế một cửa, một cửa liên thông tại Bộ phận Một cửa và Cổng Dịch vụ '
                              'công quốc gia"\nissued = 2025-06-09\nissuer = "Chính phủ"\n')
        open(p, 'w', encoding='utf-8').write(s)
        shutil.copy('catalogs/bo-tu-phap/procedures/ho-tich/2.001023.toml', f'{tmp}/procedures/ho-tich/2.001023.toml')
        shutil.move(f'{tmp}/procedures/ho-tich/2.000806.toml', f'{tmp}/abolished/ho-tich/2.000806.toml')
        open(f'{tmp}/README.md', 'w', encoding='utf-8').write(
            '# Hà Nội, draft of the next catalog version\n\n'
            'Made by `scripts/make_ha_noi_draft.py` from `catalogs/ha-noi` (see its README for provenance): the '
            'version a legal officer prepares before announcing it. `tthc diff catalogs/ha-noi catalogs/ha-noi-draft` '
            'shows what it changes; `tthc announce --from catalogs/ha-noi --to catalogs/ha-noi-draft ...` drafts the '
            'decision. The changes are illustrative, not a real decision of the city.\n')
        if os.path.exists(OUT):
            shutil.rmtree(OUT)
        os.rename(tmp, OUT)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise


main()
