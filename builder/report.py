"""The build report: one entry per input file (ok / warning / skipped / error) and a summary."""
from __future__ import annotations

from dataclasses import dataclass, field

from builder.models import Message
from builder.text_safety import PATH_LIMIT, shown

STATUS_ORDER = ("ok", "warning", "skipped", "error")


@dataclass
class FileReport:
    path: str
    status: str
    messages: list[Message] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {
            "path": shown(self.path, PATH_LIMIT),
            "status": self.status,
            "messages": [_message_text(m) for m in self.messages],
        }


@dataclass
class Report:
    files: list[FileReport] = field(default_factory=list)
    articles: int = 0
    index_pages: int | None = None  # known once the pages are made (not by `check`)
    written: int = 0
    removed: int = 0
    notes: list[str] = field(default_factory=list)  # archive-wide remarks (e.g. people to add)
    notices: list[str] = field(default_factory=list)  # remarks every command shows (addresses, the cache)

    def add(self, path: str, status: str, messages=()) -> None:
        self.files.append(FileReport(path, status, list(messages)))

    def count(self, status: str) -> int:
        return sum(1 for f in self.files if f.status == status)

    @property
    def has_errors(self) -> bool:
        return self.count("error") > 0

    @property
    def has_warnings(self) -> bool:
        return self.count("warning") > 0

    def summary(self) -> dict:
        summary = {status: self.count(status) for status in STATUS_ORDER} | {"articles": self.articles}
        if self.index_pages is not None:
            summary["index_pages"] = self.index_pages
        return summary

    def as_dict(self) -> dict:
        files = sorted(self.files, key=lambda f: f.path)
        return {"files": [f.as_dict() for f in files], "summary": self.summary(), "notes": self.notices + self.notes}

    def summary_line(self) -> str:
        skipped = [f for f in self.files if f.status in ("skipped", "error")]
        line = f"Built {self.articles} articles and {self.index_pages or 0} index pages"
        line += f" ({self.written} files written, {self.removed} removed)"
        if skipped:
            reasons = "; ".join(f"{shown(f.path, PATH_LIMIT)}: {_message_text(f.messages[0])}" for f in skipped[:5] if f.messages)
            more = f"; and {len(skipped) - 5} more" if len(skipped) > 5 else ""
            line += f"; {len(skipped)} files not published ({reasons}{more})"
        else:
            line += "; no file skipped"
        return line + "."


def status_for(messages: list[Message]) -> str:
    return "warning" if any(m.level == "warning" for m in messages) else "ok"


def _message_text(message: Message) -> str:
    where = f"line {message.line}: " if message.line else ""
    return f"{message.level}: {where}{message.text}"
