#!/usr/bin/env python3
"""Makes catalogs/ha-noi-draft/: the next version of catalogs/ha-noi that a legal
officer would prepare before an announcement, so that `tthc diff` and
`tthc announce` have two shipped versions to work on.

Changes, each a real kind of catalog change:
- amended: 1.003583 (đăng ký khai sinh lưu động) with the changes of the plan
  plans/2026-khai-sinh-luu-dong.toml applied (Tờ khai removed, thời hạn 3 ngày
  làm việc, an online channel opened) and the legal basis that would make them;
- new: 2.001023 (liên thông khai sinh - bảo hiểm y tế trẻ em dưới 6 tuổi), the
  real record of catalogs/bo-tu-phap, with the corrections of NEW_EDITS (each
  with its reason, listed in the README);
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


# The corrections a legal officer makes to the published record of 2.001023 before
# announcing it (tthc lint's content rules report each one): (what, published, corrected, why).
NEW_EDITS = [
    ("agency", 'agency = "Công đoàn cơ quan BHXH Việt Nam"\n',
     'agency = "Ủy ban nhân dân cấp xã"\ncoordinating = "Cơ quan Bảo hiểm xã hội"\n',
     "the published agency is garbled: a trade union (công đoàn) does not register births, and \"BHXH\" is "
     "never written out (abbreviation); the record's own steps have the Ủy ban nhân dân cấp xã receive the dossier "
     "and register the birth, and the cơ quan Bảo hiểm xã hội issue the card: the first is the agency, the second "
     "the coordinating body"),
    ("steps 4", "chuyển cho Bảo hiểm xã hội cấp huyện để cấp", "chuyển cho cơ quan Bảo hiểm xã hội để cấp",
     "there is no cấp huyện since 1 July 2025 (district-named); the record's next steps name the \"Cơ quan Bảo "
     "hiểm xã hội\" without a level, and this version does the same"),
    ("channels note", "cách xa trụ sở cơ quan Bảo hiểm xã hội cấp huyện từ 50 km",
     "cách xa trụ sở cơ quan Bảo hiểm xã hội từ 50 km", "as for step 4: no cấp huyện since 1 July 2025"),
    ("legal_basis", '[[legal_basis]]\nnumber = "158/2005/NĐ-CP"\ntitle = "Thông tư 08.a/2010/TT-BTP08.a/2010/TT-BTP'
     'Thông tư 09b/2013/TT-BTP09b/2013/TT-BTPNghị định 158/2005/NĐ-CP"\n\n', "(row removed)",
     "three documents glued into one row, two of them twice (glued-legal-number); all three are no longer in force "
     "for hộ tịch: Nghị định 158/2005/NĐ-CP was replaced by Nghị định 123/2015/NĐ-CP, and the form circulars "
     "08.a/2010/TT-BTP and 09b/2013/TT-BTP by Thông tư 15/2015/TT-BTP, both already cited by the record"),
]


def edits_table():
    rows = ["| code | what | published | in this catalog | why |", "|---|---|---|---|---|"]
    for what, old, new, why in NEW_EDITS:
        cells = ["2.001023", what, old.strip(), new.strip(), why]
        rows.append("| " + " | ".join(c.replace("|", "\\|").replace("\n", " ") for c in cells) + " |")
    return "\n".join(rows) + "\n"


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
        new = f'{tmp}/procedures/ho-tich/2.001023.toml'
        shutil.copy('catalogs/bo-tu-phap/procedures/ho-tich/2.001023.toml', new)
        for _, published, corrected, _ in NEW_EDITS:
            edit(new, published, '' if corrected == '(row removed)' else corrected)
        shutil.move(f'{tmp}/procedures/ho-tich/2.000806.toml', f'{tmp}/abolished/ho-tich/2.000806.toml')
        open(f'{tmp}/README.md', 'w', encoding='utf-8').write(
            '# Hà Nội, draft of the next catalog version\n\n'
            'Made by `scripts/make_ha_noi_draft.py` from `catalogs/ha-noi` (see its README for provenance): the '
            'version a legal officer prepares before announcing it. `tthc diff catalogs/ha-noi catalogs/ha-noi-draft` '
            'shows what it changes; `tthc announce --from catalogs/ha-noi --to catalogs/ha-noi-draft ...` drafts the '
            'decision. The changes are illustrative, not a real decision of the city.\n\n'
            '## Edits to the published record of 2.001023\n\n'
            'The new procedure is the real record of `catalogs/bo-tu-phap`, corrected as listed here (each correction '
            'answers a finding of `tthc lint`; everything else is as published):\n\n' + edits_table())
        if os.path.exists(OUT):
            shutil.rmtree(OUT)
        os.rename(tmp, OUT)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise


main()
