#!/usr/bin/env python3
"""Generate a synthetic catalog of administrative procedures for benchmarks.

    gen_catalog.py N OUTDIR [--seed S] [--source DIR]

Writes a valid catalog (catalog format version 1, directory form) of N procedures into OUTDIR:
catalog.toml, units.toml, procedures/<field-slug>/<code>.toml and, for about 1% of the procedures,
processes/<field-slug>/<code>.toml whose counted step hours add up exactly to the procedure's
thời hạn in working hours.

The text is not invented: names, steps, dossier entries, legal bases, results, fees and conditions
are taken from the real portal records in --source (the Ministry of Justice JSON records) and
recombined, so file sizes and text look like a converted real catalog. The portal flattened its
tables into glued strings; the little parsers below recover enough of them for realistic text and
fall back to plausible values when they cannot. Only the values written out must be valid.

Output is a function of (N, seed, source records): files are written in a fixed order with no
dependence on hash order or the clock. Python standard library only.
"""

import argparse
import glob
import json
import os
import random
import re
import sys
import time
import unicodedata

DEFAULT_SOURCE = os.environ.get(
    "TTHC_PORTAL_DATA", "/work/shared/data/portal-2026/bo-tu-phap")

NO_INFO = "Không có thông tin"
HOURS_PER_DAY = 8

LEVEL_MAP = [("Cấp bộ", "bộ"), ("Cấp tỉnh", "tỉnh"), ("Cấp xã", "xã"), ("Cơ quan khác", "khác")]
# The portal lists subjects as a comma list, but some subjects contain commas themselves.
SUBJECT_JOIN = [
    ("Tổ chức (không bao gồm doanh nghiệp, HTX)", "Tổ chức (không bao gồm doanh nghiệp##HTX)"),
    ("Cán bộ, công chức, viên chức", "Cán bộ##công chức##viên chức"),
]
CHANNEL_WORDS = [("Trực tuyến", "trực tuyến"), ("Trực tiếp", "trực tiếp"),
                 ("Dịch vụ bưu chính", "bưu chính")]

# §3.3 of the format: digits[.digits] [/year] /symbol, symbol = letter/digit groups joined by "-".
LEGAL_NUMBER_RE = re.compile(r"^\d+(?:\.\d+)?/(?:\d{4}/)?[A-ZĐa-zđ0-9]+(?:-[A-ZĐa-zđ0-9]+)*$")
# Where a legal number starts in the portal's glued text; where it ends is decided by split_number().
NUMBER_START_RE = re.compile(r"(\d+(?:\.\d+)?)/(\d{4})/")
# Last symbol groups common enough to trust as the end of a number even when the next title is glued
# to it in lower case ("NĐ-CPquy định ...") or in capitals ("TT-BTPBAN HÀNH ...").
KNOWN_SYMBOL_END = re.compile(r"^(?:CP|TTg|BTP|BTC|BCA|BYT|BQP|BNG|BNV|BXD|BTTTT|BVHTTDL|BTNMT|BGTVT|"
                              r"BKHĐT|BLĐTBXH|NHNN|TANDTC|VKSNDTC|UBND|UBTVQH\d*|UBTƯMTTQVN|QH\d\d)$")
# Counts are glued to the end of the entry ("...tờ khai1 bản chính"); "nộp 01 bản sao" is text.
DOSSIER_COUNT_RE = re.compile(r"(?<![\s\d(])(\d+) bản chính(?:,\s*(\d+) bản sao)?|(?<![\s\d(])(\d+) bản sao")
FORM_FILE_RE = re.compile(r"((?:Mẫu|Mau|Phụ lục)(?:(?!Mẫu|Mau)[^.;:]){0,60}\.(?:docx|doc|pdf|xlsx|xls))$")
FORM_REF_RE = re.compile(r"\((Mẫu [^()]{2,120})\)")
FEE_RE = re.compile(r"^(\d{1,3}(?:,\d{3})+|\d+) (Việt Nam Đồng|VNĐ|Đồng|USD)")
TIME_RE = re.compile(r"^(\d{1,3})(?: (Ngày làm việc|ngày làm việc|Ngày|ngày|Giờ làm việc|giờ làm việc|Tháng|tháng))?")
DATE_IN_TITLE_RE = re.compile(r"ngày (\d{1,2})/(\d{1,2})/(\d{4})")

ISSUERS = [("QH", "Quốc hội"), ("UBTVQH", "Ủy ban Thường vụ Quốc hội"), ("NĐ-CP", "Chính phủ"),
           ("NQ-CP", "Chính phủ"), ("QĐ-TTg", "Thủ tướng Chính phủ"), ("TT-BTP", "Bộ Tư pháp"),
           ("TT-BTC", "Bộ Tài chính"), ("TTLT", "Liên bộ")]

NAME_QUALIFIERS = [
    "", "", "", "", "", " có yếu tố nước ngoài", " tại khu vực biên giới", " (trường hợp cấp lại)",
    " đối với tổ chức", " đối với cá nhân", " thực hiện tại cấp xã", " thực hiện tại cấp tỉnh",
    " cho người Việt Nam định cư ở nước ngoài", " trong trường hợp thay đổi nội dung",
    " (thực hiện liên thông)", " theo hình thức trực tuyến", " trên địa bàn tỉnh",
]
EXTRA_DURATIONS = ["Trong ngày", "4 giờ làm việc", "8 giờ làm việc", "0,5 ngày làm việc",
                   "2 ngày làm việc", "3 ngày làm việc", "5 ngày làm việc", "10 ngày làm việc",
                   "15 ngày làm việc", "20 ngày làm việc", "30 ngày", "Ngay", "1 tháng",
                   "05 Ngày làm việc", "07 ngày làm việc"]

# The gaps of the national portal's records (the national-data issue), each at about the
# frequency it has there: tthc export --as-published must carry every one of them.
GAPS = [
    ("no-legal-basis", 0.027),     # about 70 of 2,600 procedures cite no legal document at all
    ("no-agency", 0.03),
    ("no-channel-time", 0.02),
    ("empty-dossier", 0.01),       # dossier = [] and no conditions saying why
    ("time-in-words", 0.03),
    ("bare-number", 0.02),         # "7", no unit
    ("bad-legal-number", 0.02),
    ("empty-dossier-name", 0.02),
]
# How files come back after an officer saved them by hand, each at about this share: with
# Windows line endings, with a BOM, with a fee typed as a decimal ("50000.0"). The text is the
# same; the last kind is outside the part of TOML tthc's own reader takes (toml++ reads it), so
# the benchmark pays for the files that take the slower path too.
SAVED_AS = [
    ("crlf", 0.02),
    ("bom", 0.005),
    ("decimal-fee", 0.005),
]
TIME_WORDS = ["Không có thông tin", "Không quy định", "Không phải trả kết quả cho người nộp thuế",
              "Hệ thống tự động phản hồi ngay sau khi người nộp hồ sơ hoàn thành việc gửi hồ sơ điện tử"]
BAD_LEGAL_NUMBERS = ["63/2010/NĐ- CP", "09/2013/TTLT/BGDĐT-BTC-BLĐTBXH", "2020/15", "92/2017/NĐ -CP"]

UNITS = [
    ("van-phong", "Văn phòng Ủy ban nhân dân tỉnh", ""),
    ("mot-cua", "Bộ phận Một cửa - Trung tâm Phục vụ hành chính công tỉnh", "van-phong"),
    ("lanh-dao-ubnd", "Lãnh đạo Ủy ban nhân dân tỉnh", ""),
    ("so-tu-phap", "Sở Tư pháp", ""),
    ("lanh-dao-so", "Lãnh đạo Sở Tư pháp", "so-tu-phap"),
    ("phong-hctp", "Phòng Hành chính tư pháp", "so-tu-phap"),
    ("phong-btp", "Phòng Bổ trợ tư pháp", "so-tu-phap"),
    ("van-thu", "Văn thư Sở Tư pháp", "so-tu-phap"),
    ("ubnd-xa", "Ủy ban nhân dân cấp xã", ""),
    ("tu-phap-xa", "Công chức tư pháp - hộ tịch cấp xã", "ubnd-xa"),
]
PROCESS_TASKS = [
    ("mot-cua", "Tiếp nhận, kiểm tra, số hóa hồ sơ; chuyển phòng chuyên môn", "Phiếu hẹn trả kết quả"),
    ("phong-hctp", "Thẩm định hồ sơ, đề xuất giải quyết; dự thảo kết quả", "Tờ trình, dự thảo kết quả"),
    ("phong-btp", "Xem xét, thẩm tra hồ sơ; lấy ý kiến cơ quan liên quan (nếu có)", "Báo cáo thẩm tra"),
    ("lanh-dao-so", "Xem xét, ký duyệt kết quả giải quyết thủ tục hành chính", "Kết quả được ký duyệt"),
    ("van-thu", "Vào số, đóng dấu, phát hành văn bản", "Văn bản phát hành"),
    ("tu-phap-xa", "Kiểm tra, xác minh thông tin; cập nhật cơ sở dữ liệu", "Phiếu kiểm soát quá trình"),
    ("lanh-dao-ubnd", "Phê duyệt, ký kết quả", "Quyết định"),
    ("mot-cua", "Trả kết quả cho tổ chức, cá nhân; lưu hồ sơ", "Sổ theo dõi hồ sơ"),
]


def nfc(s):
    return unicodedata.normalize("NFC", s)


def clean(s):
    """One line of display text: NFC, no NBSP, tabs or invisible format characters, single spaces."""
    s = nfc(s).replace("\xa0", " ").replace("\t", " ")
    s = "".join(c for c in s if unicodedata.category(c) != "Cf")
    s = re.sub(r"[ ]{2,}", " ", s)
    return s.strip()


def slug(s):
    d = unicodedata.normalize("NFD", s.replace("đ", "d").replace("Đ", "D"))
    d = "".join(c for c in d if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", "-", d).strip("-")


def clip(s, n):
    if len(s) <= n:
        return s
    cut = s.rfind(" ", 0, n)
    return s[: cut if cut > n // 2 else n].rstrip(" ,;:") + "…"


# ---------------------------------------------------------------------------------------------
# Reading the portal records


def info(s):
    s = clean(s)
    return "" if s in (NO_INFO, "Không quy định.", "Không quy định", "Không", "Không.") else s


def parse_levels(s):
    out = [lv for word, lv in LEVEL_MAP if word in s]
    return out or ["tỉnh"]


def parse_subjects(s):
    s = clean(s)
    for whole, joined in SUBJECT_JOIN:
        s = s.replace(whole, joined)
    out = []
    for part in s.split(", "):
        part = part.replace("##", ", ").strip()
        if part and part != NO_INFO and part not in out:
            out.append(part)
    return out


def parse_conditions(s):
    if not info(s):
        return ""
    lines = [clean(line) for line in nfc(s).split("\n")]
    return clip("\n".join(line for line in lines if line), 1500)


def parse_steps(s):
    out = []
    for line in nfc(s).split("\n"):
        line = clean(line).lstrip("-+•* ").strip()
        if len(line) >= 8:
            out.append(clip(line, 500))
    return out


def parse_dossier(s):
    """Portal dossier table: '<name>[<form file>]N bản chính[,M bản sao]' glued, with section
    headers; entries after '* Giấy tờ phải xuất trình' are shown, not handed in."""
    s = clean(s.replace("\n", " "))
    out = []
    present = False
    pos = 0
    for m in DOSSIER_COUNT_RE.finditer(s):
        chunk = s[pos:m.start()]
        pos = m.end()
        if "Giấy tờ phải xuất trình" in chunk:
            present = True
        chunk = re.sub(r".*Số lượng", "", chunk).lstrip(" ,;-+*").strip()
        if len(chunk) < 6:
            continue
        form = ""
        f = FORM_FILE_RE.search(chunk)
        if f:
            form = f.group(1)
            chunk = chunk[:f.start()].rstrip()
        else:
            f = FORM_REF_RE.search(chunk)
            if f:
                form = f.group(1)
        if len(chunk) < 6:
            continue
        if m.group(3) is not None:
            originals, copies = 0, int(m.group(3))
        else:
            originals, copies = int(m.group(1)), int(m.group(2) or 0)
        out.append({"name": clip(chunk.rstrip(" ;"), 300), "form": form,
                    "originals": min(originals, 10), "copies": min(copies, 10),
                    "present_only": present})
    return out


def symbol_ok(sym):
    groups = sym.split("-")
    return all(g and (g == "TTg" or all(c.isdigit() or c.isupper() for c in g)) for g in groups) \
        and not sym[0].isdigit()


def split_number(s, start):
    """End of the symbol of a legal number whose symbol starts at s[start], or -1. The portal glues
    the next title to the number, so prefer a well-known last group, then a plain boundary: end of
    text, white space, or a capitalised word."""
    k = start
    while k < len(s) and (s[k].isalnum() or s[k] == "-"):
        k += 1
    for e in range(k, start, -1):
        sym = s[start:e]
        if symbol_ok(sym) and KNOWN_SYMBOL_END.match(sym.split("-")[-1]) \
                and (e == len(s) or not (s[e].isdigit() or s[e] == "-")):
            return e
    for e in range(k, start, -1):
        sym = s[start:e]
        if symbol_ok(sym) and (e == len(s) or s[e].isspace()
                               or (s[e].isupper() and e + 1 < len(s) and s[e + 1].islower())):
            return e
    return -1


def parse_legal(s):
    """Portal legal-basis table: '<title><number>' pairs glued together."""
    s = clean(s.replace("\n", " "))
    s = s.replace("Tên văn bản pháp lýMã văn bản", "", 1)
    out = []
    pos = 0
    for m in NUMBER_START_RE.finditer(s):
        if m.start() < pos:
            continue
        e = split_number(s, m.end())
        if e < 0:
            continue
        # A number followed by a lower-case word ("... số 123/2015/NĐ-CP ngày ...") is inside a title.
        if e < len(s) and s[e].isspace() and not s[e:].lstrip()[:1].isupper():
            continue
        digits, year = m.group(1), m.group(2)
        title = s[pos:m.start()]
        pos = e
        # Digits glued to the end of the title belong to it: a year ("... năm 2024" + "46/2024/QH15"),
        # a date ("... từ ngày 01/01/2017" + "120/2016/NĐ-CP") or a law's legislature ("QH15").
        if len(digits) > 3:
            if re.search(r"(năm|/)$", title.rstrip()) and len(digits) > 4:
                title, digits = title + digits[:4], digits[4:]
            elif re.search(r"\d/\d{4}/[A-ZĐ-]*QH$", title):
                title, digits = title + digits[:2], digits[2:]
            else:
                continue
        number = "%s/%s/%s" % (digits, year, s[m.end():e])
        title = title.strip(" -:;,")
        title = re.sub(r"^(?:Thông tư|Nghị định|Luật)\s+" + re.escape(number) + r"\s*-\s*", "", title)
        title = re.sub(r"(?:Nghị định|Thông tư|Nghị quyết|Quyết định|Luật)(?: số)?$", "", title).strip(" -:;,")
        if len(title) < 10 or not LEGAL_NUMBER_RE.match(number) or title.count("/20") > 3:
            continue
        if re.search(r"\d/\d{4}/[A-ZĐ][A-ZĐa-z0-9-]*\d+/\d{4}/", title):
            continue  # two code cells glued together: no usable title
        entry = {"number": number, "title": clip(title, 400)}
        d = DATE_IN_TITLE_RE.search(title)
        if d and re.search(re.escape(number) + r" ngày", title) and d.group(3) == year:
            day, month = int(d.group(1)), int(d.group(2))
            if 1 <= day <= 28 and 1 <= month <= 12:
                entry["issued"] = "%s-%02d-%02d" % (year, month, day)
        for sym, who in ISSUERS:
            if sym in number.split("/")[-1]:
                entry["issuer"] = who
                break
        out.append(entry)
    return out


def parse_channels(s):
    s = nfc(s).replace("Hình thức nộpThời gianPhí, lệ phíMô tả", "", 1)
    marks = []
    for word, kind in CHANNEL_WORDS:
        for m in re.finditer(re.escape(word), s):
            marks.append((m.start(), m.end(), kind))
    marks.sort()
    out = []
    for i, (start, end, kind) in enumerate(marks):
        seg = s[end: marks[i + 1][0] if i + 1 < len(marks) else len(s)]
        if any(c["kind"] == kind for c in out):
            continue
        ch = {"kind": kind, "time": "", "fee": 0, "currency": "VND", "fee_note": "", "note": ""}
        rest = seg
        if rest.startswith(NO_INFO):
            rest = rest[len(NO_INFO):]
        else:
            t = TIME_RE.match(rest)
            after = rest[t.end():] if t else ""
            if t and (after.startswith(("Miễn phí", NO_INFO)) or after[:1].isdigit()) and int(t.group(1)) <= 90:
                unit = t.group(2) or "ngày làm việc"
                ch["time"] = "%s %s" % (t.group(1), unit)
                rest = after
        if rest.startswith("Miễn phí"):
            rest = rest[len("Miễn phí"):]
        elif rest.startswith(NO_INFO):
            rest = rest[len(NO_INFO):]
        else:
            f = FEE_RE.match(rest)
            if f:
                ch["fee"] = int(f.group(1).replace(",", ""))
                if f.group(2) == "USD":
                    ch["currency"] = "USD"
                rest = rest[f.end():]
        if rest.startswith("("):
            depth, j = 0, 0
            for j, c in enumerate(rest):
                depth += c == "("
                depth -= c == ")"
                if depth == 0:
                    break
            ch["fee_note"] = clip(clean(rest[1:j].strip("() ")), 300)
            rest = rest[j + 1:]
        ch["note"] = clip(clean(rest.replace("\n", " ")), 300)
        out.append(ch)
    return out


def parse_results(s):
    s = clean(s)
    s = s.split("Từ khóa")[0] if "Từ khóa" in s else s
    out = []
    for m in re.finditer(r"(.+?)Mã: ?(\S+?)(?=[A-ZĐ][a-zà-ỹ]|$)", s):
        name = clean(m.group(1)).rstrip(".")
        if len(name) >= 4:
            out.append({"name": clip(name, 300), "code": m.group(2)})
    return out


def load_corpus(source):
    files = sorted(glob.glob(os.path.join(source, "*.json")))
    if not files:
        sys.exit("gen_catalog: no *.json records in %s (use --source DIR or TTHC_PORTAL_DATA)" % source)
    records = []
    for path in files:
        with open(path, encoding="utf-8") as f:
            d = json.load(f)
        agency = info(d.get("co_quan_thuc_hien", "")).rstrip(".")
        authority = info(d.get("co_quan_co_tham_quyen", "")).rstrip(".")
        levels = parse_levels(d.get("cap_thuc_hien", ""))
        if not agency:
            agency = authority or {"bộ": "Bộ Tư pháp", "tỉnh": "Sở Tư pháp",
                                   "xã": "Ủy ban nhân dân cấp xã", "khác": "Sở Tư pháp"}[levels[0]]
        rec = {
            "name": clean(d["ten_thu_tuc"]),
            "field": clean(d.get("linh_vuc", "")) or "Khác",
            "levels": levels,
            "kind": clean(d.get("loai_thu_tuc", "")),
            "subjects": parse_subjects(d.get("doi_tuong_thuc_hien", "")),
            "agency": agency,
            "authority": authority,
            "address": info(d.get("dia_chi_tiep_nhan", "")),
            "conditions": parse_conditions(d.get("yeu_cau_dieu_kien", "")),
            "steps": parse_steps(d.get("trinh_tu_thuc_hien", "")),
            "channels": parse_channels(d.get("cach_thuc_thuc_hien", "")),
            "dossier": parse_dossier(d.get("thanh_phan_ho_so", "")),
            "legal": parse_legal(d.get("can_cu_phap_ly", "")),
            "results": parse_results(d.get("ket_qua_xu_ly", "")),
        }
        records.append(rec)
    by_field = {}
    for r in records:
        by_field.setdefault(r["field"], []).append(r)
    legal_pool = {}
    for r in records:
        for lb in r["legal"]:
            legal_pool.setdefault(lb["number"], lb)
    dossier_pool = [e for r in records for e in r["dossier"]]
    step_pool = [s for r in records for s in r["steps"]]
    return records, by_field, list(legal_pool.values()), dossier_pool, step_pool


# ---------------------------------------------------------------------------------------------
# Writing TOML


_NEEDS_ESCAPE = re.compile(r'["\\\x00-\x1f\x7f]')


def q(s):
    """A TOML basic string."""
    if not _NEEDS_ESCAPE.search(s):
        return '"' + s + '"'
    out = ['"']
    for c in s:
        if c == '"':
            out.append('\\"')
        elif c == "\\":
            out.append("\\\\")
        elif c == "\n":
            out.append("\\n")
        elif c == "\t":
            out.append("\\t")
        elif c in "\b\f\r":
            out.append({"\b": "\\b", "\f": "\\f", "\r": "\\r"}[c])
        elif ord(c) < 0x20 or c == "\x7f":
            out.append("\\u%04X" % ord(c))
        else:
            out.append(c)
    out.append('"')
    return "".join(out)


def arr(items):
    """A list as tthc fmt writes it: one element a line (tthc-catalog(5), section 7)."""
    if not items:
        return "[]"
    return "[\n" + "".join("  " + q(x) + ",\n" for x in items) + "]"


def add_gaps(rng, p):
    """Gives procedure `p` the portal's gaps, each with its probability in GAPS."""
    gaps = {g for g, prob in GAPS if rng.random() < prob}
    if "no-legal-basis" in gaps:
        p["legal"] = []
    if "no-agency" in gaps:
        p["agency"] = ""
    if "no-channel-time" in gaps:
        for c in p["channels"]:
            c["time"] = ""
    if "empty-dossier" in gaps:
        p["dossier"] = []
        p["conditions"] = ""
    if "time-in-words" in gaps:
        p["channels"][0]["time"] = rng.choice(TIME_WORDS)
    if "bare-number" in gaps:
        p["channels"][-1]["time"] = str(rng.choice([1, 3, 5, 7, 10, 15]))
    if "bad-legal-number" in gaps and p["legal"]:
        p["legal"][0] = dict(p["legal"][0], number=rng.choice(BAD_LEGAL_NUMBERS))
    if "empty-dossier-name" in gaps and p["dossier"]:
        p["dossier"][0] = dict(p["dossier"][0], name="")
    return gaps


def render_procedure(p):
    w = ["code = " + q(p["code"]), "name = " + q(p["name"]), "field = " + q(p["field"]),
         "levels = " + arr(p["levels"])]
    if p["kind"]:
        w.append("kind = " + q(p["kind"]))
    if p["subjects"]:
        w.append("subjects = " + arr(p["subjects"]))
    if p["agency"]:
        w.append("agency = " + q(p["agency"]))
    if p["authority"]:
        w.append("authority = " + q(p["authority"]))
    if p["address"]:
        w.append("address = " + q(p["address"]))
    w.append("online = " + q(p["online"]))
    if p["conditions"]:
        w.append("conditions = " + q(p["conditions"]))
    w.append("steps = " + arr(p["steps"]))
    if p["related"]:
        w.append("related = " + arr(p["related"]))
    if not p["dossier"]:
        w.append("dossier = []")
    for r in p["results"]:
        w += ["", "[[results]]", "name = " + q(r["name"])]
        if r["code"]:
            w.append("code = " + q(r["code"]))
    for c in p["channels"]:
        w += ["", "[[channels]]", "kind = " + q(c["kind"])]
        if c["time"]:
            w.append("time = " + q(c["time"]))
        w.append("fee = %d" % c["fee"])
        if c["currency"] != "VND":
            w.append("currency = " + q(c["currency"]))
        if c["fee_note"]:
            w.append("fee_note = " + q(c["fee_note"]))
        if c["note"]:
            w.append("note = " + q(c["note"]))
    for e in p["dossier"]:
        w += ["", "[[dossier]]", "name = " + q(e["name"])]
        if e["form"]:
            w.append("form = " + q(e["form"]))
        w += ["originals = %d" % e["originals"], "copies = %d" % e["copies"]]
        if e["present_only"]:
            w.append("present_only = true")
    for lb in p["legal"]:
        w += ["", "[[legal_basis]]", "number = " + q(lb["number"]), "title = " + q(lb["title"])]
        if "issued" in lb:
            w.append("issued = " + lb["issued"])
        if "issuer" in lb:
            w.append("issuer = " + q(lb["issuer"]))
    return "\n".join(w) + "\n"


def render_process(code, channel_kind, steps):
    w = ["procedure = " + q(code), "channel = " + q(channel_kind)]
    for unit, task, dur, counted, output in steps:
        w += ["", "[[steps]]", "unit = " + q(unit), "task = " + q(task), "time = " + q(dur)]
        if not counted:
            w.append("counted = false")
        if output:
            w.append("output = " + q(output))
    return "\n".join(w) + "\n"


# ---------------------------------------------------------------------------------------------
# Generating


def make_codes(rng, n):
    seen = set()
    codes = []
    while len(codes) < n:
        if rng.random() < 0.7:
            code = "1.0%05d" % rng.randrange(100000)
        else:
            code = "2.%06d" % rng.randrange(1000000)
        if code not in seen:
            seen.add(code)
            codes.append(code)
    return codes


def hours_of(duration):
    m = re.match(r"^(\d+(?:,\d+)?) (ngày làm việc|giờ làm việc)$", duration.lower())
    if not m:
        return None
    n = float(m.group(1).replace(",", "."))
    return int(n * HOURS_PER_DAY) if m.group(2).startswith("ngày") else int(n)


def split_hours(rng, total):
    """Counted process steps that add up to exactly `total` working hours."""
    k = min(len(PROCESS_TASKS), max(2, min(total // 4, rng.randint(3, 7))))
    cuts = sorted(rng.sample(range(1, total), k - 1)) if total > k else list(range(1, k))
    parts = [b - a for a, b in zip([0] + cuts, cuts + [total])]
    tasks = [PROCESS_TASKS[0]] + rng.sample(PROCESS_TASKS[1:-1], k - 2) + [PROCESS_TASKS[-1]]
    steps = []
    for (unit, task, output), h in zip(tasks, parts):
        if h % HOURS_PER_DAY == 0:
            dur = "%d ngày làm việc" % (h // HOURS_PER_DAY)
        elif h == HOURS_PER_DAY // 2 and rng.random() < 0.5:
            dur = "0,5 ngày làm việc"
        else:
            dur = "%d giờ làm việc" % h
        steps.append((unit, task, dur, True, output if rng.random() < 0.7 else ""))
    if rng.random() < 0.5:
        steps.insert(len(steps) - 1, ("phong-hctp", "Lấy ý kiến cơ quan có liên quan (không tính vào thời hạn giải quyết)",
                                      "2 ngày làm việc", False, ""))
    return steps


def build_procedure(rng, code, rec, corpus, codes, i):
    """Procedure codes[i], from the portal record `rec`; `related` only names codes[:i]."""
    _, by_field, legal_pool, dossier_pool, step_pool = corpus
    same_field = by_field[rec["field"]]
    name = rec["name"] + rng.choice(NAME_QUALIFIERS)

    steps = list(rec["steps"])
    if not steps or rng.random() < 0.15:
        steps = list(rng.choice(same_field)["steps"]) or rng.sample(step_pool, 3)
    if len(steps) > 7:
        steps = steps[:7]

    dossier = [dict(e) for e in rec["dossier"][:8]]
    if not dossier or rng.random() < 0.2:
        dossier.append(dict(rng.choice(dossier_pool)))
    seen = set()
    dossier = [e for e in dossier if not (e["name"] in seen or seen.add(e["name"]))]
    for e in dossier:
        if e["originals"] == 0 and e["copies"] == 0 and not e["present_only"]:
            e["originals"] = 1

    legal = list(rec["legal"])
    if not legal or rng.random() < 0.3:
        legal += rng.sample(legal_pool, rng.randint(1, 3))
    seen = set()
    legal = [lb for lb in legal if not (lb["number"] in seen or seen.add(lb["number"]))][:5]

    channels = [dict(c) for c in rec["channels"]]
    if not channels:
        kinds = ["trực tiếp", "bưu chính", "trực tuyến"]
        channels = [{"kind": k, "time": "", "fee": 0, "currency": "VND", "fee_note": "", "note": ""}
                    for k in kinds[: rng.randint(1, 3)]]
    shared_time = next((c["time"] for c in channels if c["time"]), "") or rng.choice(EXTRA_DURATIONS)
    if rng.random() < 0.12:
        shared_time = rng.choice(EXTRA_DURATIONS)
    for c in channels:
        if not c["time"] or rng.random() < 0.05:
            c["time"] = shared_time

    results = list(rec["results"]) or [{"name": "Văn bản trả lời của cơ quan có thẩm quyền", "code": ""}]
    related = []
    if i > 0 and rng.random() < 0.08:
        related = sorted({codes[rng.randrange(i)] for _ in range(rng.randint(1, 2))})

    kinds = {c["kind"] for c in channels}
    online = "không" if "trực tuyến" not in kinds else ("toàn trình" if rng.random() < 0.6 else "một phần")
    return {
        "code": code, "name": name, "field": rec["field"], "levels": rec["levels"],
        "kind": rec["kind"] if rng.random() < 0.85 else "", "subjects": rec["subjects"],
        "agency": rec["agency"], "authority": rec["authority"], "address": rec["address"],
        "online": online, "conditions": rec["conditions"], "steps": steps, "related": related,
        "results": results, "channels": channels, "dossier": dossier, "legal": legal,
    }


def write(path, text):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def main():
    ap = argparse.ArgumentParser(description="Generate a synthetic tthc catalog for benchmarks.")
    ap.add_argument("n", type=int, help="number of procedures")
    ap.add_argument("outdir", help="catalog directory to create (must not exist or be empty)")
    ap.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    ap.add_argument("--source", default=DEFAULT_SOURCE,
                    help="directory of portal JSON records (default: $TTHC_PORTAL_DATA or %(default)s)")
    args = ap.parse_args()
    if args.n < 1:
        ap.error("N must be at least 1")
    if os.path.exists(args.outdir) and os.listdir(args.outdir):
        ap.error("%s exists and is not empty" % args.outdir)

    t0 = time.monotonic()
    corpus = load_corpus(args.source)
    records = corpus[0]
    rng = random.Random(args.seed)
    codes = make_codes(rng, args.n)
    n_proc = max(1, round(args.n / 100))
    with_process = set(rng.sample(range(args.n), n_proc))

    out = args.outdir
    os.makedirs(os.path.join(out, "procedures"), exist_ok=True)
    write(os.path.join(out, "catalog.toml"), "\n".join([
        "[catalog]",
        'id = "bench-%d"' % args.n,
        'name = "Bộ thủ tục hành chính tỉnh Thử Nghiệm (%d thủ tục, sinh tự động)"' % args.n,
        'authority = "Ủy ban nhân dân tỉnh Thử Nghiệm"',
        'authority_kind = "province"',
        'agency_id = "000.00.00.H99"',
        'place = "Thử Nghiệm"',
        "hours_per_day = %d" % HOURS_PER_DAY,
        "hour_value = 40000",
    ]) + "\n")
    units = []
    for uid, name, parent in UNITS:
        units += ["[[unit]]", "id = " + q(uid), "name = " + q(name)]
        if parent:
            units.append("parent = " + q(parent))
        units.append("")
    write(os.path.join(out, "units.toml"), "\n".join(units))

    made_dirs = set()
    total_bytes = 0
    gap_counts = {}
    saved_counts = {}
    shape_rng = random.Random(args.seed + 1)
    for i, code in enumerate(codes):
        rec = records[rng.randrange(len(records))]
        p = build_procedure(rng, code, rec, corpus, codes, i)
        process = None
        if i not in with_process:  # a process needs its procedure's thời hạn
            for g in add_gaps(rng, p):
                gap_counts[g] = gap_counts.get(g, 0) + 1
        if i in with_process:
            # One convertible thời hạn shared by every channel, so the process fits whichever
            # channel a reader picks; the counted steps add up to it exactly.
            days = rng.choice([1, 2, 3, 5, 7, 10, 15, 20])
            dur = "%d ngày làm việc" % days if rng.random() < 0.9 else "%d giờ làm việc" % (days * 4)
            for c in p["channels"]:
                c["time"] = dur
            process = render_process(code, p["channels"][0]["kind"], split_hours(rng, hours_of(dur)))
        sub = slug(p["field"]) or "khac"
        d = os.path.join(out, "procedures", sub)
        if d not in made_dirs:
            os.makedirs(d, exist_ok=True)
            made_dirs.add(d)
        text = render_procedure(p)
        for kind, share in SAVED_AS:  # from their own generator: the catalog's text stays as it was
            if shape_rng.random() >= share:
                continue
            if kind == "crlf":
                text = text.replace("\n", "\r\n")
            elif kind == "bom":
                text = "\ufeff" + text
            else:
                text = re.sub(r"(?m)^fee = (\d+)$", r"fee = \1.0", text, count=1)
            saved_counts[kind] = saved_counts.get(kind, 0) + 1
        write(os.path.join(d, code + ".toml"), text)
        total_bytes += len(text.encode("utf-8"))
        if process:
            pd = os.path.join(out, "processes", sub)
            os.makedirs(pd, exist_ok=True)
            write(os.path.join(pd, code + ".toml"), process)
    dt = time.monotonic() - t0
    print("gen_catalog: %d procedures (%d processes), %d bytes of procedures (%.1f KB average) in %.1f s"
          % (args.n, n_proc, total_bytes, total_bytes / args.n / 1024, dt), file=sys.stderr)
    print("gen_catalog: the portal's gaps: " + ", ".join("%s %d" % (g, gap_counts.get(g, 0)) for g, _ in GAPS),
          file=sys.stderr)
    print("gen_catalog: saved by hand: " + ", ".join("%s %d" % (k, saved_counts.get(k, 0)) for k, _ in SAVED_AS),
          file=sys.stderr)


if __name__ == "__main__":
    main()
