"""Build a document piece by piece while recording the gold spans."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class DocBuilder:
    """Append plain text with :meth:`add` and identifiers with :meth:`ent`."""

    parts: list[str] = field(default_factory=list)
    spans: list[dict[str, object]] = field(default_factory=list)
    length: int = 0

    def add(self, text: str) -> DocBuilder:
        """Append text that holds no identifier."""
        self.parts.append(text)
        self.length += len(text)
        return self

    def ent(self, value: str, label: str) -> DocBuilder:
        """Append an identifier and record its gold span."""
        if value:
            self.spans.append({"start": self.length, "end": self.length + len(value), "label": label})
        return self.add(value)

    def person(self, first: str | None, last: str | None, *, order: str = "fl") -> DocBuilder:
        """Append "First Last" (order "fl") or "LAST First" (order "lf")."""
        items = [(first, "PRENOM"), (last, "NOM")] if order == "fl" else [(last, "NOM"), (first, "PRENOM")]
        items = [(v, lab) for v, lab in items if v]
        for i, (value, label) in enumerate(items):
            assert value is not None
            if i:
                self.add(" ")
            self.ent(value, label)
        return self

    @property
    def text(self) -> str:
        """The text built so far."""
        return "".join(self.parts)

    def transformed(self, func: object) -> DocBuilder:
        """Apply a length-preserving transform (upper / lower case) to the whole text."""
        text = func(self.text)  # type: ignore[operator]
        if len(text) != self.length:
            raise ValueError("transform must preserve length")
        out = DocBuilder(parts=[text], spans=list(self.spans), length=self.length)
        return out
