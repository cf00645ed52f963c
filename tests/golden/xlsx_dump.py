#!/usr/bin/env python3
"""Prints what an XLSX file holds, read independently of tthc (zipfile and
ElementTree): per sheet its name, frozen pane, autofilter, column widths and
every row's cells (shared strings resolved, numbers as stored), and the
creation date of docProps/core.xml. Golden tests of --format xlsx compare it.
Usage: xlsx_dump.py FILE.xlsx
"""
import sys
import zipfile
import xml.etree.ElementTree as ET

NS = {
    "m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "rel": "http://schemas.openxmlformats.org/package/2006/relationships",
    "dcterms": "http://purl.org/dc/terms/",
}


def main():
    z = zipfile.ZipFile(sys.argv[1])
    shared = []
    if "xl/sharedStrings.xml" in z.namelist():
        for si in ET.fromstring(z.read("xl/sharedStrings.xml")).findall("m:si", NS):
            shared.append("".join(t.text or "" for t in si.iter("{%s}t" % NS["m"])))
    rels = {r.get("Id"): r.get("Target") for r in ET.fromstring(z.read("xl/_rels/workbook.xml.rels")).findall("rel:Relationship", NS)}
    workbook = ET.fromstring(z.read("xl/workbook.xml"))
    for sheet in workbook.find("m:sheets", NS).findall("m:sheet", NS):
        target = rels[sheet.get("{%s}id" % NS["r"])]
        ws = ET.fromstring(z.read("xl/" + target))
        print("sheet %s" % sheet.get("name"))
        pane = ws.find(".//m:pane", NS)
        print("  frozen: %s" % (pane.get("topLeftCell") + " " + pane.get("state") if pane is not None else "no"))
        af = ws.find("m:autoFilter", NS)
        print("  autofilter: %s" % (af.get("ref") if af is not None else "none"))
        cols = ws.find("m:cols", NS)
        if cols is not None:
            print("  widths: %s" % " ".join(c.get("width") for c in cols.findall("m:col", NS)))
        for row in ws.find("m:sheetData", NS).findall("m:row", NS):
            cells = []
            for c in row.findall("m:c", NS):
                v = c.find("m:v", NS)
                if c.get("t") == "s":
                    cells.append(c.get("r") + "=" + shared[int(v.text)])
                else:
                    cells.append(c.get("r") + "#" + (v.text if v is not None else ""))
            print("  " + " | ".join(cells))
    core = ET.fromstring(z.read("docProps/core.xml"))
    print("created %s" % core.find("dcterms:created", NS).text)


if __name__ == "__main__":
    main()
