"""User accounts and sign-in attempts: the part of the curation store that auth.py reads."""

from __future__ import annotations

from datetime import timedelta

from dashboard.store.audit_log import write_audit
from dashboard.store.models import UnknownUser, User, UserExists, utc_ago, utc_now

_USER = "SELECT username, password_hash, role, active FROM users"


class UserAccounts:
    """Accounts (roles, active or not) and login attempts, mixed into every backend."""

    def create_user(self, username: str, password_hash: str, role: str, by: str = "cli") -> User:
        with self.transaction() as con:
            try:
                _insert_user(con, username, password_hash, role)
            except self.integrity_error:
                raise UserExists(username) from None
            write_audit(con, by, "user.create", username, None, {"role": role, "active": True})
        return User(username, password_hash, role, True)

    def create_first_user(self, username: str, password_hash: str, role: str) -> bool:
        """Create `username` only when the store has no user at all; True if it was created."""
        with self.transaction() as con:
            if con.execute("SELECT 1 FROM users LIMIT 1").fetchone():
                return False
            _insert_user(con, username, password_hash, role)
            write_audit(
                con, "system", "user.create", username, None, {"role": role, "active": True}
            )
            return True

    def user(self, username: str) -> User | None:
        row = self.reader().execute(f"{_USER} WHERE username = ?", (username,)).fetchone()
        return User(row[0], row[1], row[2], bool(row[3])) if row else None

    def users(self) -> list[User]:
        rows = self.reader().execute(f"{_USER} ORDER BY username").fetchall()
        return [User(r[0], r[1], r[2], bool(r[3])) for r in rows]

    def set_password(self, username: str, password_hash: str, by: str = "cli") -> None:
        with self.transaction() as con:
            if con.execute("UPDATE users SET password_hash = ? WHERE username = ?",
                           (password_hash, username)).rowcount == 0:  # fmt: skip
                raise UnknownUser(username)
            write_audit(con, by, "user.set_password", username, None, None)

    def set_active(self, username: str, active: bool, by: str = "cli") -> None:
        with self.transaction() as con:
            row = con.execute("SELECT active FROM users WHERE username = ?", (username,)).fetchone()
            if row is None:
                raise UnknownUser(username)
            con.execute("UPDATE users SET active = ? WHERE username = ?", (int(active), username))
            write_audit(
                con, by, "user.set_active", username, {"active": bool(row[0])}, {"active": active}
            )

    def record_login(self, username: str, address: str, success: bool) -> None:
        with self.transaction(curation=False) as con:
            con.execute(
                "INSERT INTO login_attempts (username, address, at, success) VALUES (?, ?, ?, ?)",
                (username, address, utc_now(), int(success)),
            )
            # Old attempts say nothing any more; keep the table small.
            con.execute("DELETE FROM login_attempts WHERE at < ?", (utc_ago(timedelta(days=1)),))

    def failed_logins(self, username: str, address: str, window: timedelta) -> tuple[int, int]:
        """(failures for this account, failures from this address) within `window`."""
        since = utc_ago(window)
        con = self.reader()
        by_user = con.execute(
            "SELECT count(*) FROM login_attempts WHERE username = ? AND success = 0 AND at >= ?",
            (username, since),
        ).fetchone()[0]
        by_address = con.execute(
            "SELECT count(*) FROM login_attempts WHERE address = ? AND success = 0 AND at >= ?",
            (address, since),
        ).fetchone()[0]
        return int(by_user), int(by_address)


def _insert_user(con, username: str, password_hash: str, role: str) -> None:
    con.execute(
        "INSERT INTO users (username, password_hash, role, active, created_at) "
        "VALUES (?, ?, ?, 1, ?)",
        (username, password_hash, role, utc_now()),
    )
