"""The file types the window accepts for import (by open dialog or by drop)."""

from __future__ import annotations

TEXT_SUFFIXES = (".txt", ".text")
IMPORT_SUFFIXES = (".docx", ".docm", ".doc", ".wps", ".pdf", ".ofd") + TEXT_SUFFIXES
