"""The same counting with pandas + openpyxl, as a spreadsheet analyst would write it.

Used by `npm run bench` as the reference the CLI is compared with (Debian: python3-pandas,
python3-openpyxl). Reads every sheet of the benchmark workbook (title row, then the header),
folds the status values, maps them to the five clusters and counts per year; a valid key is
counted once per office and year. Prints the totals as JSON so the bench can check that both
tools counted the same.
"""
import json
import re
import sys

import pandas as pd

SYNONYMS = {
    "Analog": ["analog", "papier", "papierform", "schriftlich", "persoenlich", "persoenliche vorsprache", "vor ort", "offline", "nicht digital"],
    "Kein Optimierungspotenzial": ["kein optimierungspotenzial", "kein optimierungspotential", "kein potenzial", "kein potential", "nicht digitalisierbar"],
    "PDF": ["pdf", "pdf formular", "pdf antrag", "formular zum download", "download formular", "ausfuellbares pdf", "beschreibbares pdf"],
    "Digital": ["digital", "online", "online antrag", "online dienst", "onlinedienst", "serviceportal", "efa", "efa dienst", "medienbruchfrei", "vollstaendig digital"],
    "Projekt in Umsetzung": ["projekt in umsetzung", "in umsetzung", "projekt", "in planung", "in bearbeitung", "geplant"],
}
LOOKUP = {value: cluster for cluster, values in SYNONYMS.items() for value in values}


def fold(value):
    s = str(value).lower().replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss")
    s = re.sub(r"[-/_\r\n]", " ", s)
    s = re.sub(r"\s+", " ", s).strip()
    return s[:-1].rstrip() if s.endswith((".", ":")) else s


def main(path):
    sheets = pd.read_excel(path, sheet_name=None, header=1, dtype=str, engine="openpyxl")
    total = {}
    for office, frame in sheets.items():
        for column in frame.columns:
            match = re.search(r"(20\d\d)$", str(column))
            if not match:
                continue
            year = match.group(1)
            part = frame[["LeiKa-Schlüssel", column]].dropna(subset=[column])
            part = part.assign(cluster=part[column].map(lambda v: LOOKUP.get(fold(v), "Nicht zugeordnet")))
            valid = part["LeiKa-Schlüssel"].str.fullmatch(r"99\d{12}", na=False)
            part = pd.concat([part[valid].drop_duplicates(subset=["LeiKa-Schlüssel"]), part[~valid]])
            counts = total.setdefault(year, {})
            for cluster, n in part["cluster"].value_counts().items():
                counts[cluster] = counts.get(cluster, 0) + int(n)
    print(json.dumps({y: dict(sorted(c.items())) for y, c in sorted(total.items())}))


if __name__ == "__main__":
    main(sys.argv[1])
