// Migration 1 of the versioned schema (the runner, migrations.cpp, applies them in order).
// Shipped: never edit it; a change of schema is a new migration.
#include "server/migrations/migrations.h"

namespace zygc::server {

const char* const kMigration001 =
    // 1: catalogue (districts, brands, teams, projects, shifts) + trigram search index
    R"SQL(
CREATE TABLE districts (
    id                    INTEGER PRIMARY KEY,
    name                  TEXT    NOT NULL,
    population            INTEGER NOT NULL DEFAULT 0 CHECK (population >= 0),
    registered_volunteers INTEGER NOT NULL DEFAULT 0 CHECK (registered_volunteers >= 0),
    service_minutes       INTEGER NOT NULL DEFAULT 0 CHECK (service_minutes >= 0)
);

CREATE TABLE brands (
    slug        TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    owner_org   TEXT NOT NULL DEFAULT '',
    district_id INTEGER REFERENCES districts(id),
    summary     TEXT NOT NULL DEFAULT '',
    story       TEXT NOT NULL DEFAULT '',
    highlights  TEXT NOT NULL DEFAULT '[]',  -- JSON array of strings
    awards      TEXT NOT NULL DEFAULT '[]',  -- JSON array of strings
    stats       TEXT NOT NULL DEFAULT '[]',  -- JSON array of {label,value}
    cover_url   TEXT NOT NULL DEFAULT '',
    position    INTEGER NOT NULL DEFAULT 0   -- display order (seed order)
);

CREATE TABLE teams (
    id           INTEGER PRIMARY KEY,
    name         TEXT    NOT NULL,
    org          TEXT    NOT NULL DEFAULT '',
    district_id  INTEGER NOT NULL REFERENCES districts(id),
    leader_name  TEXT    NOT NULL DEFAULT '',
    member_count INTEGER NOT NULL DEFAULT 0,
    summary      TEXT    NOT NULL DEFAULT '',
    founded      TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX teams_district ON teams(district_id);

CREATE TABLE projects (
    id            INTEGER PRIMARY KEY,
    team_id       INTEGER NOT NULL REFERENCES teams(id),
    title         TEXT    NOT NULL,
    summary       TEXT    NOT NULL DEFAULT '',
    description   TEXT    NOT NULL DEFAULT '',
    category      TEXT    NOT NULL,
    brand         TEXT    REFERENCES brands(slug),
    district_id   INTEGER NOT NULL REFERENCES districts(id),
    status        TEXT    NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
    site_name     TEXT    NOT NULL DEFAULT '',
    site_lat      REAL    NOT NULL DEFAULT 0,
    site_lng      REAL    NOT NULL DEFAULT 0,
    site_radius_m INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX projects_team ON projects(team_id);
CREATE INDEX projects_district ON projects(district_id);
CREATE INDEX projects_brand ON projects(brand);
CREATE INDEX projects_category ON projects(category);

-- Times are Unix seconds; the API renders them in +08:00.
CREATE TABLE shifts (
    id         INTEGER PRIMARY KEY,
    project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    start_at   INTEGER NOT NULL,
    end_at     INTEGER NOT NULL CHECK (end_at > start_at),
    capacity   INTEGER NOT NULL CHECK (capacity >= 0),
    signed_up  INTEGER NOT NULL DEFAULT 0 CHECK (signed_up >= 0)
);
CREATE INDEX shifts_project ON shifts(project_id, start_at);
CREATE INDEX shifts_start ON shifts(start_at);

-- Chinese substring search: trigram tokens over the project text, external content.
CREATE VIRTUAL TABLE projects_fts USING fts5(
    title, summary, description,
    content='projects', content_rowid='id', tokenize='trigram'
);
CREATE TRIGGER projects_fts_ai AFTER INSERT ON projects BEGIN
    INSERT INTO projects_fts(rowid, title, summary, description)
    VALUES (new.id, new.title, new.summary, new.description);
END;
CREATE TRIGGER projects_fts_ad AFTER DELETE ON projects BEGIN
    INSERT INTO projects_fts(projects_fts, rowid, title, summary, description)
    VALUES ('delete', old.id, old.title, old.summary, old.description);
END;
CREATE TRIGGER projects_fts_au AFTER UPDATE OF title, summary, description ON projects BEGIN
    INSERT INTO projects_fts(projects_fts, rowid, title, summary, description)
    VALUES ('delete', old.id, old.title, old.summary, old.description);
    INSERT INTO projects_fts(rowid, title, summary, description)
    VALUES (new.id, new.title, new.summary, new.description);
END;
)SQL";

}  // namespace zygc::server
