"""Audit a published review table against the computed verdicts.

The published table (``audit/published.csv``) is an invented review of the
embedded demo resolution at 30 June 2023, written the way real review tables
are written ("Vượt 2,5%", "Đạt 90,6% so với nghị quyết"). The script judges
the resolution on its results, reads the published table, and prints, row by
row, where the two agree and where they do not, and why.

Run it with ``python examples/audit_review.py``.
"""

from __future__ import annotations

from pathlib import Path

from resolmetrics.audit import audit, read_published
from resolmetrics.demo import AS_OF, demo_resolution, demo_results

PUBLISHED = Path(__file__).resolve().parent / "audit" / "published.csv"


def main() -> None:
    report = demo_resolution("vi").evaluate(demo_results(), as_of=AS_OF)
    published = read_published(PUBLISHED, lang="vi")
    review = audit(report, published, lang="vi")
    print(review.table())
    print(review.summary())
    print()
    print(review.table("en"))
    print(review.summary("en"))


if __name__ == "__main__":
    main()
