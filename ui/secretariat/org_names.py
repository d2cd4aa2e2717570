"""Organisation names as a table can show them: the kind of local government abbreviated as officials write it.

"องค์การบริหารส่วนตำบล…" is most of the name of thousands of entries, and the
part that tells them apart is what follows it; in a column of a readable
width the full name would be cut just before that part. Thai officials write
the kinds short (อบต., ทต., ทม., ทน., อบจ.), so the tables do the same and keep
the full name for the tooltip.
"""

from __future__ import annotations

#: The kinds of local government, longest first, as their names begin and as officials abbreviate them.
ORG_KINDS = (
    ("องค์การบริหารส่วนจังหวัด", "อบจ."),
    ("องค์การบริหารส่วนตำบล", "อบต."),
    ("เทศบาลนคร", "ทน."),
    ("เทศบาลเมือง", "ทม."),
    ("เทศบาลตำบล", "ทต."),
)


def short_org_name(name: str) -> str:
    """An organisation's name with its kind abbreviated (องค์การบริหารส่วนตำบลโพธิ์ชัย → อบต.โพธิ์ชัย)."""
    stripped = name.strip()
    for kind, short in ORG_KINDS:
        rest = stripped[len(kind):].strip()
        if stripped.startswith(kind) and rest:
            return short + rest
    return stripped
