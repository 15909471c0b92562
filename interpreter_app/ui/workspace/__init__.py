"""The package workspace: one tab per part, review and history, comments and checks."""

from __future__ import annotations

from .workspace import PackageWorkspace

__all__ = ["PackageWorkspace"]
