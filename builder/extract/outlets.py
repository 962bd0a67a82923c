"""Outlets named in the extraction rules: full names, aliases, reporters' e-mail domains."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Outlet:
    name: str
    aliases: tuple[str, ...] = ()
    domains: tuple[str, ...] = ()
    agency: bool = False


def outlet_indexes(outlets: tuple[Outlet, ...]) -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    aliases: dict[str, str] = {}
    agencies: dict[str, str] = {}
    domains: dict[str, str] = {}
    for outlet in outlets:
        for alias in (outlet.name, *outlet.aliases):
            aliases[alias.lower()] = outlet.name
            if outlet.agency:
                agencies[alias.lower()] = outlet.name
        for domain in outlet.domains:
            domains[domain.lower()] = outlet.name
    return aliases, agencies, domains
