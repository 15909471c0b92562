"""The department rules a package is checked against, read from the store in one place."""

from __future__ import annotations

from ..domain.department_rules import DepartmentRules, parse_codes


def rules_for(store, department_id: int) -> DepartmentRules:
    """机关代字 list and leader accounts (name, title) of the department."""
    department = store.departments.get(department_id)
    leaders = tuple((u.display_name, u.title) for u in store.users.all()
                    if u.department_id == department_id and u.has("leader") and not u.disabled)
    return DepartmentRules(department.name, parse_codes(department.code), leaders)
