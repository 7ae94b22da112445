"""Write the demo review as the documents a provincial office publishes.

An Excel workbook (the review table, status colours, numbers as numbers,
and a sheet of exact figures) and a Word appendix (STT | Chỉ tiêu | Kết quả
thực hiện | So sánh với nghị quyết), both in Vietnamese, into FOLDER (a new
temporary folder without one); the paths written are printed. Needs the
office extra (pip install 'resolmetrics[office]'):

    python examples/office_documents.py [FOLDER]

The command line does the same:

    resolmetrics demo --lang vi --format xlsx -o danh-gia.xlsx
    resolmetrics demo --lang vi --format docx -o phu-luc.docx
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from resolmetrics.demo import AS_OF, demo_resolution, demo_results


def main(argv: list[str]) -> None:
    folder = Path(argv[0]) if argv else Path(tempfile.mkdtemp(prefix="resolmetrics-"))
    folder.mkdir(parents=True, exist_ok=True)
    report = demo_resolution("vi").evaluate(demo_results(), as_of=AS_OF)
    print(report.to_xlsx(folder / "danh-gia.xlsx", "vi"))
    print(report.to_docx(folder / "phu-luc.docx", "vi"))
    print(report.summary("vi"))


if __name__ == "__main__":
    main(sys.argv[1:])
