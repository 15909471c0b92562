"""Ordered schema migrations. Each released schema version keeps its step forever."""

from __future__ import annotations

from .search import TOKEN_PUNCTUATION

APPLICATION_ID = 0x5A4A4442  # "ZJDB": marks a file as ours, so a foreign SQLite file is refused

_V1 = """
CREATE TABLE departments (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    code TEXT NOT NULL DEFAULT ''
);
CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    username TEXT NOT NULL UNIQUE COLLATE NOCASE,
    display_name TEXT NOT NULL,
    department_id INTEGER REFERENCES departments(id),
    roles TEXT NOT NULL DEFAULT '',
    title TEXT NOT NULL DEFAULT '',
    all_departments INTEGER NOT NULL DEFAULT 0,
    disabled INTEGER NOT NULL DEFAULT 0,
    password_hash TEXT NOT NULL,
    failed_logins INTEGER NOT NULL DEFAULT 0,
    locked_until TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
);
CREATE TABLE user_keys (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users(id),
    public_key TEXT NOT NULL,
    private_key_enc TEXT NOT NULL,
    created_at TEXT NOT NULL,
    retired_at TEXT NOT NULL DEFAULT ''
);
CREATE INDEX user_keys_user ON user_keys(user_id);
CREATE TABLE packages (
    id INTEGER PRIMARY KEY,
    department_id INTEGER NOT NULL REFERENCES departments(id),
    created_by INTEGER NOT NULL REFERENCES users(id),
    state TEXT NOT NULL DEFAULT 'draft'
        CHECK (state IN ('draft','in_review','awaiting_signoff','signed','released')),
    revision INTEGER NOT NULL DEFAULT 1,
    row_version INTEGER NOT NULL DEFAULT 0,
    digest TEXT NOT NULL DEFAULT '',
    title TEXT NOT NULL DEFAULT '',
    doc_number TEXT NOT NULL DEFAULT '',
    holder_id INTEGER REFERENCES users(id),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    due_date TEXT NOT NULL DEFAULT '',
    released_at TEXT NOT NULL DEFAULT ''
);
CREATE INDEX packages_dept_state ON packages(department_id, state, updated_at);
CREATE INDEX packages_state_updated ON packages(state, updated_at);
CREATE INDEX packages_updated ON packages(updated_at);
CREATE INDEX packages_created_by ON packages(created_by, state);
CREATE TABLE package_authors (
    package_id INTEGER NOT NULL REFERENCES packages(id),
    user_id INTEGER NOT NULL REFERENCES users(id),
    PRIMARY KEY (package_id, user_id)
) WITHOUT ROWID;
CREATE TABLE documents (
    package_id INTEGER PRIMARY KEY REFERENCES packages(id),
    row_version INTEGER NOT NULL DEFAULT 0,
    data TEXT NOT NULL DEFAULT '{}',
    body TEXT NOT NULL DEFAULT '',
    released_at TEXT NOT NULL DEFAULT ''
);
CREATE TABLE plans (
    package_id INTEGER PRIMARY KEY REFERENCES packages(id),
    row_version INTEGER NOT NULL DEFAULT 0,
    data TEXT NOT NULL DEFAULT '{}',
    released_at TEXT NOT NULL DEFAULT ''
);
CREATE TABLE materials (
    id TEXT PRIMARY KEY,
    package_id INTEGER NOT NULL REFERENCES packages(id),
    position INTEGER NOT NULL,
    kind TEXT NOT NULL,
    title TEXT NOT NULL DEFAULT '',
    audience TEXT NOT NULL DEFAULT 'public',
    row_version INTEGER NOT NULL DEFAULT 0,
    data TEXT NOT NULL DEFAULT '{}',
    released_at TEXT NOT NULL DEFAULT ''
);
CREATE INDEX materials_package ON materials(package_id, position);
CREATE TABLE revisions (
    id INTEGER PRIMARY KEY,
    package_id INTEGER NOT NULL REFERENCES packages(id),
    revision INTEGER NOT NULL,
    kind TEXT NOT NULL,
    created_at TEXT NOT NULL,
    actor_id INTEGER REFERENCES users(id),
    digest TEXT NOT NULL,
    snapshot TEXT NOT NULL,
    label TEXT NOT NULL DEFAULT ''
);
CREATE INDEX revisions_package ON revisions(package_id, id);
CREATE TABLE decisions (
    id INTEGER PRIMARY KEY,
    package_id INTEGER NOT NULL REFERENCES packages(id),
    revision INTEGER NOT NULL,
    action TEXT NOT NULL,
    actor_id INTEGER NOT NULL REFERENCES users(id),
    actor_name TEXT NOT NULL,
    at TEXT NOT NULL,
    reason TEXT NOT NULL DEFAULT ''
);
CREATE INDEX decisions_package ON decisions(package_id, id);
CREATE TABLE signoffs (
    id INTEGER PRIMARY KEY,
    package_id INTEGER NOT NULL REFERENCES packages(id),
    revision INTEGER NOT NULL,
    snapshot_id INTEGER NOT NULL REFERENCES revisions(id),
    decision_id INTEGER NOT NULL REFERENCES decisions(id),
    digest TEXT NOT NULL,
    signer_id INTEGER NOT NULL REFERENCES users(id),
    signer_name TEXT NOT NULL,
    signer_title TEXT NOT NULL DEFAULT '',
    opinion TEXT NOT NULL DEFAULT '',
    signed_at TEXT NOT NULL,
    on_behalf_of TEXT NOT NULL DEFAULT '',
    key_id INTEGER REFERENCES user_keys(id),
    signature TEXT NOT NULL DEFAULT ''
);
CREATE INDEX signoffs_package ON signoffs(package_id, id);
CREATE TABLE comments (
    id INTEGER PRIMARY KEY,
    package_id INTEGER NOT NULL REFERENCES packages(id),
    part TEXT NOT NULL,
    paragraph INTEGER NOT NULL,
    quote TEXT NOT NULL,
    text TEXT NOT NULL,
    author_id INTEGER NOT NULL REFERENCES users(id),
    created_at TEXT NOT NULL,
    resolved INTEGER NOT NULL DEFAULT 0,
    row_version INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX comments_package ON comments(package_id);
CREATE TABLE audit (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    actor_id INTEGER,
    package_id INTEGER,
    action TEXT NOT NULL,
    detail TEXT NOT NULL DEFAULT '',
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
);
CREATE INDEX audit_package ON audit(package_id, id);
CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE search_text (
    package_id INTEGER PRIMARY KEY REFERENCES packages(id),
    title TEXT NOT NULL DEFAULT '',
    body TEXT NOT NULL DEFAULT ''
);

-- Snapshots, sign-offs, decisions and the audit chain are append-only.
CREATE TRIGGER revisions_no_update BEFORE UPDATE ON revisions
BEGIN SELECT RAISE(ABORT, 'revisions are immutable'); END;
CREATE TRIGGER revisions_no_delete BEFORE DELETE ON revisions
BEGIN SELECT RAISE(ABORT, 'revisions are immutable'); END;
CREATE TRIGGER signoffs_no_update BEFORE UPDATE ON signoffs
BEGIN SELECT RAISE(ABORT, 'sign-offs are immutable'); END;
CREATE TRIGGER signoffs_no_delete BEFORE DELETE ON signoffs
BEGIN SELECT RAISE(ABORT, 'sign-offs are immutable'); END;
CREATE TRIGGER decisions_no_update BEFORE UPDATE ON decisions
BEGIN SELECT RAISE(ABORT, 'decisions are immutable'); END;
CREATE TRIGGER decisions_no_delete BEFORE DELETE ON decisions
BEGIN SELECT RAISE(ABORT, 'decisions are immutable'); END;
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit chain is append-only'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit chain is append-only'); END;

-- The working copy of a released package is frozen until it is revised.
CREATE TRIGGER documents_frozen BEFORE UPDATE ON documents
WHEN (SELECT state FROM packages WHERE id = OLD.package_id) = 'released'
BEGIN SELECT RAISE(ABORT, 'released package is frozen'); END;
CREATE TRIGGER plans_frozen BEFORE UPDATE ON plans
WHEN (SELECT state FROM packages WHERE id = OLD.package_id) = 'released'
BEGIN SELECT RAISE(ABORT, 'released package is frozen'); END;
CREATE TRIGGER materials_frozen_update BEFORE UPDATE ON materials
WHEN (SELECT state FROM packages WHERE id = OLD.package_id) = 'released'
BEGIN SELECT RAISE(ABORT, 'released package is frozen'); END;
CREATE TRIGGER materials_frozen_delete BEFORE DELETE ON materials
WHEN (SELECT state FROM packages WHERE id = OLD.package_id) = 'released'
BEGIN SELECT RAISE(ABORT, 'released package is frozen'); END;
CREATE TRIGGER materials_frozen_insert BEFORE INSERT ON materials
WHEN (SELECT state FROM packages WHERE id = NEW.package_id) = 'released'
BEGIN SELECT RAISE(ABORT, 'released package is frozen'); END;
"""

_V1_FTS = """
CREATE VIRTUAL TABLE search_fts USING fts5(
    title, body, content='search_text', content_rowid='package_id', tokenize='trigram'
);
CREATE TRIGGER search_text_ai AFTER INSERT ON search_text BEGIN
  INSERT INTO search_fts(rowid, title, body) VALUES (new.package_id, new.title, new.body);
END;
CREATE TRIGGER search_text_ad AFTER DELETE ON search_text BEGIN
  INSERT INTO search_fts(search_fts, rowid, title, body)
  VALUES ('delete', old.package_id, old.title, old.body);
END;
CREATE TRIGGER search_text_au AFTER UPDATE ON search_text BEGIN
  INSERT INTO search_fts(search_fts, rowid, title, body)
  VALUES ('delete', old.package_id, old.title, old.body);
  INSERT INTO search_fts(rowid, title, body) VALUES (new.package_id, new.title, new.body);
END;
"""

# Version 2: list indexes for department-scoped views and 我的草稿, and the bigram index that answers
# one- and two-character queries (the trigram index cannot). The grams are computed by the
# `search_grams` SQL function each connection registers (store/search.py).
_V2 = """
CREATE INDEX packages_dept_updated ON packages(department_id, updated_at, id);
CREATE INDEX package_authors_user ON package_authors(user_id, package_id);
CREATE VIRTUAL TABLE search_bigrams USING fts5(
    grams, content='', detail=none, columnsize=0,
    tokenize="unicode61 remove_diacritics 0 tokenchars '""" + TOKEN_PUNCTUATION + """'"
);
INSERT INTO search_bigrams(rowid, grams)
    SELECT package_id, search_grams(title, body) FROM search_text;
"""

# Version 3: the trust root, certificates and revocations it signs, and signed decisions.
# The root's private key is sealed once per administrator who holds it (root_seals). Statements
# are canonical JSON text with their signature; the columns beside them are for lookups only.
_V3 = """
CREATE TABLE trust_root (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    public_key TEXT NOT NULL,
    statement TEXT NOT NULL,
    signature TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE TABLE root_seals (
    user_id INTEGER PRIMARY KEY REFERENCES users(id),
    sealed TEXT NOT NULL
);
CREATE TABLE certificates (
    serial INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users(id),
    key_id INTEGER NOT NULL REFERENCES user_keys(id),
    body TEXT NOT NULL,
    signature TEXT NOT NULL,
    issued_at TEXT NOT NULL
);
CREATE INDEX certificates_user ON certificates(user_id, serial);
CREATE TABLE revocations (
    serial INTEGER PRIMARY KEY REFERENCES certificates(serial),
    body TEXT NOT NULL,
    signature TEXT NOT NULL,
    revoked_at TEXT NOT NULL
);
ALTER TABLE decisions ADD COLUMN signed TEXT NOT NULL DEFAULT '';
ALTER TABLE decisions ADD COLUMN signature TEXT NOT NULL DEFAULT '';

CREATE TRIGGER trust_root_no_update BEFORE UPDATE ON trust_root
BEGIN SELECT RAISE(ABORT, 'the trust root is immutable'); END;
CREATE TRIGGER trust_root_no_delete BEFORE DELETE ON trust_root
BEGIN SELECT RAISE(ABORT, 'the trust root is immutable'); END;
CREATE TRIGGER certificates_no_update BEFORE UPDATE ON certificates
BEGIN SELECT RAISE(ABORT, 'certificates are immutable'); END;
CREATE TRIGGER certificates_no_delete BEFORE DELETE ON certificates
BEGIN SELECT RAISE(ABORT, 'certificates are immutable'); END;
CREATE TRIGGER revocations_no_update BEFORE UPDATE ON revocations
BEGIN SELECT RAISE(ABORT, 'revocations are immutable'); END;
CREATE TRIGGER revocations_no_delete BEFORE DELETE ON revocations
BEGIN SELECT RAISE(ABORT, 'revocations are immutable'); END;
"""

# Version 4: what happened after release, as records the annual figures count: each page's
# real address and posting time, events with their actual attendance, the register of
# documents issued (发文登记) and responses to public concerns (回应关切).
_V4 = """
CREATE TABLE web_postings (
    id INTEGER PRIMARY KEY,
    package_id INTEGER NOT NULL REFERENCES packages(id),
    revision INTEGER NOT NULL,
    part TEXT NOT NULL,
    title TEXT NOT NULL DEFAULT '',
    url TEXT NOT NULL,
    posted_at TEXT NOT NULL,
    index_number TEXT NOT NULL DEFAULT '',
    recorded_by INTEGER REFERENCES users(id),
    recorded_at TEXT NOT NULL,
    UNIQUE (package_id, revision, part)
);
CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    department_id INTEGER NOT NULL REFERENCES departments(id),
    package_id INTEGER REFERENCES packages(id),
    kind TEXT NOT NULL,
    held_on TEXT NOT NULL,
    title TEXT NOT NULL DEFAULT '',
    attendees TEXT NOT NULL DEFAULT '[]',
    link TEXT NOT NULL DEFAULT '',
    recorded_by INTEGER REFERENCES users(id),
    recorded_at TEXT NOT NULL
);
CREATE INDEX events_held ON events(department_id, held_on);
CREATE TABLE issued_documents (
    id INTEGER PRIMARY KEY,
    department_id INTEGER NOT NULL REFERENCES departments(id),
    title TEXT NOT NULL,
    issued_on TEXT NOT NULL,
    doc_number TEXT NOT NULL DEFAULT '',
    index_number TEXT NOT NULL DEFAULT '',
    recorded_by INTEGER REFERENCES users(id),
    recorded_at TEXT NOT NULL,
    UNIQUE (department_id, title, doc_number)
);
CREATE TABLE concern_responses (
    id INTEGER PRIMARY KEY,
    department_id INTEGER NOT NULL REFERENCES departments(id),
    package_id INTEGER REFERENCES packages(id),
    responded_on TEXT NOT NULL,
    topic TEXT NOT NULL,
    channel TEXT NOT NULL,
    link TEXT NOT NULL DEFAULT '',
    recorded_by INTEGER REFERENCES users(id),
    recorded_at TEXT NOT NULL
);
-- Files of materials (一图读懂 long images, video, transcripts), stored once by content hash;
-- a material refers to them by SHA-256, so the package digest covers the bytes.
CREATE TABLE media_files (
    sha256 TEXT PRIMARY KEY,
    mime TEXT NOT NULL,
    size INTEGER NOT NULL,
    data BLOB NOT NULL,
    added_at TEXT NOT NULL
);
CREATE TRIGGER media_files_no_update BEFORE UPDATE ON media_files
BEGIN SELECT RAISE(ABORT, 'media files are immutable'); END;
-- 待上网: released packages of the last weeks, found without scanning every release.
CREATE INDEX packages_state_released ON packages(state, released_at);
"""

# Version 5: review as departments run it. Approval routes (审批路线) are data per department;
# the route is frozen into the package when it is submitted, with the step it is at and who
# agreed there (会签). `package_parties` lists every department a frozen route involves (they may
# read the package); `step_parties` the parties still to act at the current step, so the lists
# 待我核稿/待我签发/待我会签 are one indexed query. `changes` are tracked changes (留痕) proposed by
# reviewers and leaders or read from a Word file; the package content holds accepted text only.
_V5 = """
CREATE TABLE routes (
    id INTEGER PRIMARY KEY,
    department_id INTEGER NOT NULL REFERENCES departments(id),
    name TEXT NOT NULL,
    steps TEXT NOT NULL,
    genres TEXT NOT NULL DEFAULT '[]',
    is_default INTEGER NOT NULL DEFAULT 0,
    retired INTEGER NOT NULL DEFAULT 0,
    updated_by INTEGER REFERENCES users(id),
    updated_at TEXT NOT NULL,
    UNIQUE (department_id, name)
);
ALTER TABLE packages ADD COLUMN route TEXT NOT NULL DEFAULT '';
ALTER TABLE packages ADD COLUMN route_step INTEGER NOT NULL DEFAULT 0;
ALTER TABLE packages ADD COLUMN step_agreed TEXT NOT NULL DEFAULT '[]';
CREATE TABLE package_parties (
    package_id INTEGER NOT NULL REFERENCES packages(id),
    department_id INTEGER NOT NULL REFERENCES departments(id),
    PRIMARY KEY (package_id, department_id)
) WITHOUT ROWID;
CREATE INDEX package_parties_department ON package_parties(department_id, package_id);
CREATE TABLE step_parties (
    id INTEGER PRIMARY KEY,
    package_id INTEGER NOT NULL REFERENCES packages(id),
    party TEXT NOT NULL,
    department_id INTEGER REFERENCES departments(id),
    role TEXT,
    user_id INTEGER REFERENCES users(id)
);
CREATE INDEX step_parties_package ON step_parties(package_id);
CREATE INDEX step_parties_department ON step_parties(department_id, role);
CREATE INDEX step_parties_user ON step_parties(user_id);
INSERT INTO step_parties (package_id, party, department_id, role, user_id)
    SELECT id, 'dept:' || department_id, department_id, 'reviewer', NULL
    FROM packages WHERE state = 'in_review';
INSERT INTO step_parties (package_id, party, department_id, role, user_id)
    SELECT id, 'dept:' || department_id, department_id, 'leader', NULL
    FROM packages WHERE state = 'awaiting_signoff';
UPDATE packages SET route_step = 1 WHERE state = 'awaiting_signoff';
CREATE TABLE changes (
    id INTEGER PRIMARY KEY,
    package_id INTEGER NOT NULL REFERENCES packages(id),
    revision INTEGER NOT NULL,
    target TEXT NOT NULL,
    at_offset INTEGER NOT NULL,
    old_text TEXT NOT NULL DEFAULT '',
    new_text TEXT NOT NULL DEFAULT '',
    context TEXT NOT NULL DEFAULT '',
    author_id INTEGER REFERENCES users(id),
    author_name TEXT NOT NULL,
    external INTEGER NOT NULL DEFAULT 0,
    source TEXT NOT NULL DEFAULT '',
    made_at TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'pending'
        CHECK (status IN ('pending','accepted','rejected','withdrawn')),
    decided_by INTEGER REFERENCES users(id),
    decided_at TEXT NOT NULL DEFAULT ''
);
CREATE INDEX changes_package ON changes(package_id, status);
ALTER TABLE comments ADD COLUMN author_name TEXT NOT NULL DEFAULT '';
ALTER TABLE comments ADD COLUMN external INTEGER NOT NULL DEFAULT 0;
"""

# (version, description, SQL script). Append only; never edit a released step.
MIGRATIONS: tuple[tuple[int, str, str], ...] = (
    (1, "initial schema", _V1 + _V1_FTS),
    (2, "department list index; bigram index for short queries", _V2),
    (3, "trust root, certificates, revocations, signed decisions", _V3),
    (4, "web postings, event attendance, document register, concern responses, media files",
     _V4),
    (5, "approval routes, 会签 parties, tracked changes, external comments", _V5),
)
SCHEMA_VERSION = MIGRATIONS[-1][0]
