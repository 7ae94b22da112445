"""A review in a notebook: the report as a table, a DataFrame and a bullet chart.

The cells (``# %%``) run one by one in Jupyter, VS Code or Spyder, or all
at once as a script::

    python examples/notebook.py review.png

The chart is saved to the path given (``review.png`` in the current
directory by default; ``.svg`` and ``.pdf`` work too). The script needs the
``pandas`` and ``plot`` extras: ``pip install 'resolmetrics[pandas,plot]'``.
The resolution and its figures are the invented ones of ``resolmetrics demo``.
"""

# %%
from __future__ import annotations

import sys
from pathlib import Path

from resolmetrics.demo import AS_OF, demo_resolution, demo_results
from resolmetrics.render import report_markdown

try:  # in a notebook, display() shows the report as an HTML table
    from IPython.display import display
except ImportError:  # as a script, it is printed
    display = print

# %% Judge every target of the resolution at the review date
report = demo_resolution("en").evaluate(demo_results(), as_of=AS_OF)
display(report)

# %% The same review in Vietnamese, as Markdown to paste into a report
bao_cao = demo_resolution("vi").evaluate(demo_results(), as_of=AS_OF)
print(report_markdown(bao_cao, "vi"))

# %% One row per component target, with the exact figures behind each verdict
frame = report.to_dataframe()
print(frame[["number", "key", "status", "actual", "bound", "margin"]].to_string(index=False))

# %% Floats for arithmetic: the targets furthest behind, relative to their bound
floats = report.to_dataframe(exact=False)
behind = floats[~floats["met"]].sort_values("relative_margin")
print(behind[["number", "label", "status", "relative_margin"]].to_string(index=False))
print(f"mean attainment of the met targets: {floats[floats['met']]['attainment'].mean():.3f}")

# %% The bullet chart: one strip per component, coloured by status
figure = report.plot()
# the path given to the script, if it names an image (a notebook's kernel passes other arguments)
given = [arg for arg in sys.argv[1:] if Path(arg).suffix.lower() in (".png", ".svg", ".pdf")]
path = Path(given[0]) if given else Path("review.png")
figure.savefig(path)
print(f"chart saved to {path}")
