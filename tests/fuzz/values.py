"""Hostile values for form fields and API bodies, and a Hypothesis strategy that mixes them
into an otherwise valid submission."""

from django.core.files.uploadedfile import SimpleUploadedFile
from hypothesis import strategies as st

MISSING = object()  # leave the field out of the submission
DUPLICATE = object()  # send the field twice: its own value and a hostile one

TEXT = [
    "",
    " ",
    "\t \n\r",
    "x" * 10_000,
    "nul\x00byte",
    "\x01\x02\x1b[31m\x7f",
    "\u202eRTL override\u202c",
    "emoji 😀👩‍👩‍👧",
    "<script>alert(1)</script>",
    "' OR 1=1 --",
    "\ufeffbom",
    "Ωmega Ünïcödé 漢字",
]
NUMBERS = [
    "-1",
    "0",
    "-0.0",
    "99999999999999999999999999999",
    "-99999999999999999999999999999",
    "1e309",
    "1e-7",
    "NaN",
    "Infinity",
    "-inf",
    "12.345.6",
    "1,000",
    "0x10",
    "3.14159265358979323846264338327950288",
    "١٢٣",  # Arabic-Indic digits
]
DATE_PARTS = ["0", "32", "13", "-1", "99999", "1899", "1", "0001", "10000", "2.5", "ab"]
DATES = [
    "2026-02-30",
    "0000-00-00",
    "9999-12-31",
    "0001-01-01",
    "1-1-1",
    "31/12/2026",
    "2026-13-01T25:61",
]
TIMES = ["25:61", "24:00", "-1:00", "12:60", "9999", "noon"]
CHOICES = ["999999999", "-1", "0", "not-a-choice", "1;DROP TABLE x", "999999999999999999999"]

HOSTILE = TEXT + NUMBERS + DATE_PARTS + DATES + TIMES + CHOICES


def garbage_files():
    return st.sampled_from(
        [
            ("photo.png", b"not really a png"),
            ("empty.jpg", b""),
            ("x" * 300 + ".png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64),
            ("script.exe", b"MZ\x90\x00"),
            ("../../etc/passwd", b"root:x:0:0"),
            ("bomb.gif", b"GIF89a\xff\xff\xff\xff" + b"\x00" * 32),
        ]
    ).map(lambda f: SimpleUploadedFile(f[0], f[1], content_type="image/png"))


def free_text():
    """Arbitrary Unicode, controls and NUL included (no lone surrogates: not encodable)."""
    return st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)


def hostile_value(field):
    """One hostile value for a field of this kind, or MISSING/DUPLICATE."""
    kinds = [st.sampled_from(HOSTILE), free_text(), st.just(MISSING), st.just(DUPLICATE)]
    if field.kind == "file":
        return st.one_of(garbage_files(), st.just(MISSING), st.sampled_from(TEXT[:3]))
    if field.kind in ("number",) or field.name.endswith(("_0", "_1", "_2")):
        kinds.insert(0, st.sampled_from(NUMBERS + DATE_PARTS))
        kinds.insert(1, st.integers(min_value=-(10**30), max_value=10**30).map(str))
    if field.options:
        kinds.insert(0, st.sampled_from(CHOICES))
    return st.one_of(*kinds)


def submissions(form):
    """A valid submission of `form` (as the page shows it) with one to three fields given
    hostile values, left out or duplicated."""
    names = [n for n in form.fields if n != "csrfmiddlewaretoken"]
    base = form.valid_values()
    if not names:
        extra = st.tuples(st.sampled_from(["id", "pk", "next", "status"]), free_text())
        return st.lists(extra, max_size=2).map(lambda pairs: {**base, **dict(pairs)})

    @st.composite
    def build(draw):
        data = dict(base)
        chosen = draw(st.lists(st.sampled_from(names), min_size=1, max_size=3, unique=True))
        for name in chosen:
            value = draw(hostile_value(form.fields[name]))
            if value is MISSING:
                data.pop(name, None)
            elif value is DUPLICATE:
                data[name] = [base.get(name, ""), draw(st.sampled_from(HOSTILE))]
            else:
                data[name] = value
        return data

    return build()
