"""Approval routes (审批路线) of each department, as the administrator defined them."""

from __future__ import annotations

import json
import sqlite3

from ..domain.errors import NotFoundError, ValidationError
from ..domain.workflow import Route, route_from_dict, route_to_dict
from .rows import insert_returning_id


def _route(row: sqlite3.Row) -> Route:
    data = route_to_dict(Route("", ())) | {"steps": json.loads(row["steps"])}
    route = route_from_dict(data)
    return Route(name=row["name"], steps=route.steps, id=row["id"],
                 department_id=row["department_id"], genres=tuple(json.loads(row["genres"])),
                 is_default=bool(row["is_default"]))


def _steps_json(route: Route) -> str:
    return json.dumps(route_to_dict(route)["steps"], ensure_ascii=False, sort_keys=True)


class RouteRepository:
    """Reads and writes routes; writes run inside the caller's transaction."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def of_department(self, department_id: int) -> list[Route]:
        """The department's routes in use, the default first, then by name."""
        return [_route(r) for r in self.conn.execute(
            "SELECT * FROM routes WHERE department_id = ? AND retired = 0"
            " ORDER BY is_default DESC, name", (department_id,))]

    def get(self, route_id: int) -> Route:
        """One route (retired ones too); NotFoundError when there is none."""
        row = self.conn.execute("SELECT * FROM routes WHERE id = ?", (route_id,)).fetchone()
        if row is None:
            raise NotFoundError(f"审批路线 {route_id} 不存在")
        return _route(row)

    def is_retired(self, route_id: int) -> bool:
        """Whether the route was taken out of use."""
        row = self.conn.execute("SELECT retired FROM routes WHERE id = ?", (route_id,)).fetchone()
        return bool(row and row[0])

    def save(self, route: Route, by: int | None, at: str) -> int:
        """Insert a route (id None) or replace one's definition; returns its id."""
        if route.is_default:
            self.conn.execute("UPDATE routes SET is_default = 0 WHERE department_id = ?",
                              (route.department_id,))
        taken = self.conn.execute(
            "SELECT id FROM routes WHERE department_id = ? AND name = ? AND id != ?",
            (route.department_id, route.name, route.id or -1)).fetchone()
        if taken is not None:
            raise ValidationError(f"本部门已有名为“{route.name}”的审批路线")
        params = (route.name, _steps_json(route), json.dumps(list(route.genres), ensure_ascii=False),
                  int(route.is_default), by, at)
        if route.id is None:
            return insert_returning_id(
                self.conn, "INSERT INTO routes (name, steps, genres, is_default, updated_by,"
                " updated_at, department_id) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (*params, route.department_id))
        cur = self.conn.execute(
            "UPDATE routes SET name = ?, steps = ?, genres = ?, is_default = ?, updated_by = ?,"
            " updated_at = ?, retired = 0 WHERE id = ? AND department_id = ?",
            (*params, route.id, route.department_id))
        if cur.rowcount == 0:
            raise NotFoundError(f"审批路线 {route.id} 不存在")
        return route.id

    def retire(self, route_id: int, at: str) -> None:
        """Take a route out of use (packages on it keep their frozen copy)."""
        cur = self.conn.execute("UPDATE routes SET retired = 1, is_default = 0, updated_at = ?"
                                " WHERE id = ?", (at, route_id))
        if cur.rowcount == 0:
            raise NotFoundError(f"审批路线 {route_id} 不存在")
