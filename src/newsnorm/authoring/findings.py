"""What `newsnorm check-plugin` found: one Finding per line of its report."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

# ok: the check passed; FAIL: a problem to fix; warn: worth knowing, not a failure; n/a: the
# check does not apply, or this newsnorm cannot make it.
Status = Literal["ok", "FAIL", "warn", "n/a"]


@dataclass(frozen=True)
class Finding:
    status: Status
    check: str
    message: str
    details: tuple[str, ...] = ()

    def lines(self) -> list[str]:
        """`STATUS CHECK: MESSAGE`, then each detail indented below it."""
        head = f"{self.status:<4}  {self.check}: {self.message}"
        return [head, *(f"      {detail}" for detail in self.details)]


def report(findings: Iterable[Finding]) -> str:
    return "\n".join(line for finding in findings for line in finding.lines())


def passed(findings: Iterable[Finding]) -> bool:
    return all(finding.status != "FAIL" for finding in findings)
