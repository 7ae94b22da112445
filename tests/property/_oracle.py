"""The verdict contract of DESIGN.md section 2, written out independently of the engine."""

from __future__ import annotations

from fractions import Fraction

import resolmetrics as rm

K = rm.Kind
H, L = rm.Direction.HIGHER_IS_BETTER, rm.Direction.LOWER_IS_BETTER
EXC, ACH, NOT = rm.Status.EXCEEDED, rm.Status.ACHIEVED, rm.Status.NOT_ACHIEVED


def contract_status(
    kind: rm.Kind,
    direction: rm.Direction,
    v: Fraction,
    lo: Fraction,
    hi: Fraction,
    strict: rm.Status,
) -> rm.Status:
    """The status the table gives *v* against the bounds *lo*, *hi* (equal for one bound)."""
    if kind is K.AT_LEAST:
        return EXC if v > lo else ACH if v == lo else NOT
    if kind is K.AT_MOST:
        return EXC if v < lo else ACH if v == lo else NOT
    if kind is K.ABOVE:
        return strict if v > lo else NOT
    if kind is K.BELOW:
        return strict if v < lo else NOT
    if kind is K.EXACTLY:
        return ACH if v == lo else NOT
    if direction is H:
        return NOT if v < lo else EXC if v > hi else ACH
    if direction is L:
        return NOT if v > hi else EXC if v < lo else ACH
    return ACH if lo <= v <= hi else NOT
