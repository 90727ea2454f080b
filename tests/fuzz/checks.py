"""What a refused submission must look like, and whether a request wrote anything."""

import re

from tests.fuzz.html import parse

WRITE = re.compile(r'^\s*(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+"?([\w.]+)"?', re.I)
SAVEPOINT = re.compile(r'^\s*SAVEPOINT\s+"?(\w+)"?', re.I)
RELEASE = re.compile(r'^\s*RELEASE\s+SAVEPOINT\s+"?(\w+)"?', re.I)
ROLLBACK_TO = re.compile(r'^\s*ROLLBACK\s+TO\s+SAVEPOINT\s+"?(\w+)"?', re.I)

# Bookkeeping a request may write whatever the form's outcome: the session's idle timer and
# the sign-in throttle's record of a failed attempt.
BOOKKEEPING = ("django_session", "axes_")


def tables_written(queries) -> set[str]:
    """Tables the captured statements changed and kept: writes inside a savepoint that was
    rolled back (an atomic block that failed) do not count."""
    stack: list[tuple[str, list]] = [("", [])]
    for query in queries:
        sql = query["sql"]
        if m := SAVEPOINT.match(sql):
            stack.append((m.group(1), []))
        elif m := RELEASE.match(sql):
            names = [name for name, _ in stack]
            if m.group(1) in names:
                index = names.index(m.group(1))
                for _name, writes in stack[index:]:
                    stack[index - 1][1].extend(writes)
                del stack[index:]
        elif m := ROLLBACK_TO.match(sql):
            names = [name for name, _ in stack]
            if m.group(1) in names:
                index = names.index(m.group(1))
                del stack[index + 1 :]
                stack[index][1].clear()
        elif m := WRITE.match(sql):
            stack[-1][1].append(m.group(1))
    kept = {table for _name, writes in stack for table in writes}
    return {t for t in kept if not t.startswith(BOOKKEEPING)}


def misplaced_errors(html: str) -> list[str]:
    """Problems with how a re-shown form presents its errors (GOV.UK pattern): the summary
    at the top links to ids on the page, each field in error carries its message inside
    its form group, and every message beside a field is in the summary too."""
    root = parse(html)
    problems = []
    summaries = root.find_all(class_="govuk-error-summary")
    if not summaries:
        return ["the form came back (200) without an error summary saying what was wrong"]
    ids = {node.attrs["id"] for node in root.iter() if node.attrs.get("id")}
    summary_texts = []
    for summary in summaries:
        for link in summary.find_all("a"):
            href = link.attrs.get("href", "")
            text = " ".join(link.text.split())
            summary_texts.append(text)
            if not text:
                problems.append(f"an empty link in the error summary ({href!r})")
            if href.startswith("#") and href[1:] not in ids:
                problems.append(f"the error summary links to {href} but no element has that id")
        for item in summary.find_all("li"):
            if not item.find_all("a"):
                summary_texts.append(" ".join(item.text.split()))
    if not summary_texts:
        problems.append("the error summary lists no error")
    for group in root.find_all(class_="govuk-form-group--error"):
        messages = group.find_all(class_="govuk-error-message")
        if not messages:
            problems.append(
                f"form group {group.attrs.get('id', '?')} is marked in error with no message"
            )
    for message in root.find_all(class_="govuk-error-message"):
        text = " ".join(message.text.replace("Error:", "").split())
        if not any(a.classes & {"govuk-form-group--error"} for a in message.ancestors()):
            problems.append(f"error message {text!r} is not inside a form group in error")
        if text and not any(text in s or s in text for s in summary_texts):
            problems.append(f"error message {text!r} beside a field is not in the summary")
    return problems
