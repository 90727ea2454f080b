"""A small HTML tree from the standard library's parser, enough to read a page's forms and
to check where its error messages sit (no third-party HTML parser is installed)."""

from dataclasses import dataclass, field
from html.parser import HTMLParser

VOID = {
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
    "track", "wbr",
}  # fmt: skip
# Elements the HTML parser closes implicitly when a sibling opens.
IMPLIED_END = {"p", "li", "option", "dt", "dd", "tr", "td", "th"}


@dataclass
class Node:
    tag: str
    attrs: dict = field(default_factory=dict)
    children: list = field(default_factory=list)
    parent: "Node | None" = None

    def iter(self):
        yield self
        for child in self.children:
            if isinstance(child, Node):
                yield from child.iter()

    def find_all(self, tag=None, **attrs):
        return [node for node in self.iter() if node.matches(tag, **attrs)]

    def matches(self, tag=None, **attrs) -> bool:
        if tag and self.tag != tag:
            return False
        for name, wanted in attrs.items():
            name = name.rstrip("_")
            if name == "class":
                if wanted not in self.classes:
                    return False
            elif self.attrs.get(name) != wanted:
                return False
        return True

    @property
    def classes(self) -> set:
        return set((self.attrs.get("class") or "").split())

    def ancestors(self):
        node = self.parent
        while node is not None:
            yield node
            node = node.parent

    @property
    def text(self) -> str:
        parts = []
        for child in self.children:
            parts.append(child.text if isinstance(child, Node) else child)
        return "".join(parts)


class _Builder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Node("#document")
        self.current = self.root

    def handle_starttag(self, tag, attrs):
        if tag in IMPLIED_END and self.current.tag == tag:
            self.current = self.current.parent
        node = Node(tag, {k: (v if v is not None else "") for k, v in attrs}, [], self.current)
        self.current.children.append(node)
        if tag not in VOID:
            self.current = node

    def handle_startendtag(self, tag, attrs):
        node = Node(tag, {k: (v if v is not None else "") for k, v in attrs}, [], self.current)
        self.current.children.append(node)

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        for node in [self.current, *self.current.ancestors()]:
            if node.tag == tag:
                self.current = node.parent or self.root
                return

    def handle_data(self, data):
        self.current.children.append(data)


def parse(html: str) -> Node:
    builder = _Builder()
    builder.feed(html)
    builder.close()
    return builder.root
