#include "migrations.h"

#include "core/errors.h"
#include "sql.h"
#include "transaction.h"

#include <QStringList>

namespace headroom::migrations {

namespace {

// v1: every table of the workspace (DESIGN §3).
const char* const kSchemaV1 = R"SQL(
CREATE TABLE provider (
  id INTEGER PRIMARY KEY,
  key TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL,
  source TEXT,
  source_date TEXT
);
CREATE TABLE instance_type (
  id INTEGER PRIMARY KEY,
  provider_id INTEGER NOT NULL REFERENCES provider(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  origin TEXT NOT NULL CHECK (origin IN ('shipped', 'user')),
  region TEXT,
  vcpu INTEGER NOT NULL CHECK (vcpu > 0),
  memory_gib REAL NOT NULL CHECK (memory_gib > 0),
  arch TEXT,
  price_per_hour REAL NOT NULL CHECK (price_per_hour >= 0),
  currency TEXT NOT NULL,
  price_basis TEXT,
  monthly_cap REAL,
  burstable INTEGER NOT NULL DEFAULT 0,
  baseline_pct_per_vcpu REAL,
  credits_per_hour REAL,
  max_credits REAL,
  dedicated_cpu INTEGER NOT NULL DEFAULT 1,
  network_gbps REAL,
  disk TEXT,
  cpu_score REAL,
  boot_s_p50 REAL,
  boot_s_p95 REAL,
  source TEXT,
  source_date TEXT,
  UNIQUE (provider_id, name, origin)
);
CREATE TABLE dataset (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  format TEXT NOT NULL,
  source TEXT NOT NULL,
  sha256 TEXT NOT NULL UNIQUE,
  imported_at TEXT NOT NULL,
  node TEXT,
  instance_type_id INTEGER REFERENCES instance_type(id) ON DELETE SET NULL,
  provider TEXT,
  instance_type_key TEXT,
  tool_version TEXT,
  labels TEXT NOT NULL DEFAULT '{}',
  metrics TEXT NOT NULL DEFAULT '{}',
  warnings TEXT NOT NULL DEFAULT '[]'
);
CREATE TABLE measurement (
  id INTEGER PRIMARY KEY,
  dataset_id INTEGER NOT NULL REFERENCES dataset(id) ON DELETE CASCADE,
  node TEXT,
  metric TEXT NOT NULL,
  value REAL NOT NULL,
  unit TEXT,
  labels TEXT NOT NULL DEFAULT '{}'
);
CREATE TABLE series (
  id INTEGER PRIMARY KEY,
  dataset_id INTEGER NOT NULL REFERENCES dataset(id) ON DELETE CASCADE,
  node TEXT,
  metric TEXT NOT NULL,
  unit TEXT,
  labels TEXT NOT NULL DEFAULT '{}'
);
CREATE TABLE sample (
  series_id INTEGER NOT NULL REFERENCES series(id) ON DELETE CASCADE,
  t REAL NOT NULL,
  value REAL NOT NULL
);
CREATE TABLE lead_time_event (
  id INTEGER PRIMARY KEY,
  dataset_id INTEGER REFERENCES dataset(id) ON DELETE CASCADE,
  node TEXT,
  phase TEXT NOT NULL,
  started_at REAL,
  duration_s REAL NOT NULL CHECK (duration_s >= 0),
  image_bytes INTEGER,
  image_cached INTEGER,
  labels TEXT NOT NULL DEFAULT '{}'
);
CREATE TABLE scenario (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  document TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE TABLE run (
  id INTEGER PRIMARY KEY,
  scenario_id INTEGER REFERENCES scenario(id) ON DELETE CASCADE,
  seed INTEGER NOT NULL,
  replications INTEGER NOT NULL,
  started_at TEXT NOT NULL,
  results TEXT NOT NULL
);
CREATE INDEX sample_by_series ON sample(series_id);
CREATE INDEX measurement_by_dataset ON measurement(dataset_id);
CREATE INDEX series_by_dataset ON series(dataset_id);
CREATE INDEX lead_time_by_dataset ON lead_time_event(dataset_id)
)SQL";

// v2: user settings (currency rate, …) and lookups the analysis pages run on every refresh.
const char* const kSchemaV2 = R"SQL(
CREATE TABLE setting (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
CREATE INDEX measurement_by_metric ON measurement(metric);
CREATE INDEX series_by_metric ON series(metric);
CREATE INDEX lead_time_by_phase ON lead_time_event(phase)
)SQL";

// v3: every simulation, recommendation and validation kept with what it was computed from
// (DESIGN §3 `run`), so a report or a comparison of the same inputs reuses it. The v1 table had
// no such columns and no program ever wrote to it, so it is replaced rather than altered.
const char* const kSchemaV3 = R"SQL(
DROP TABLE run;
CREATE TABLE run (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('simulate', 'recommend', 'validate')),
  key_sha256 TEXT NOT NULL,
  scenario_name TEXT NOT NULL,
  scenario_json TEXT NOT NULL,
  scenario_sha256 TEXT NOT NULL,
  seed TEXT NOT NULL,
  replications INTEGER NOT NULL,
  options TEXT NOT NULL DEFAULT '{}',
  catalog_sha256 TEXT NOT NULL,
  datasets_sha256 TEXT NOT NULL,
  program_version TEXT NOT NULL,
  result_format INTEGER NOT NULL,
  started_at TEXT NOT NULL,
  finished_at TEXT NOT NULL,
  wall_s REAL NOT NULL,
  headline TEXT NOT NULL DEFAULT '',
  result TEXT NOT NULL,
  detail TEXT NOT NULL
);
CREATE INDEX run_by_key ON run(kind, key_sha256)
)SQL";

const char* const kSteps[] = {kSchemaV1, kSchemaV2, kSchemaV3};

}  // namespace

int latestVersion() { return int(std::size(kSteps)); }

void apply(const QSqlDatabase& db, int fromVersion, int toVersion)
{
    for (int v = fromVersion + 1; v <= toVersion; ++v) {
        Transaction tx(db);
        sql::execScript(db, QString::fromUtf8(kSteps[v - 1]));
        sql::exec(db, QStringLiteral("PRAGMA user_version = %1").arg(v));
        tx.commit();
    }
}

QStringList requiredTables(int version)
{
    QStringList tables;
    if (version >= 1)
        tables << QStringLiteral("provider") << QStringLiteral("instance_type") << QStringLiteral("dataset")
               << QStringLiteral("measurement") << QStringLiteral("series") << QStringLiteral("sample")
               << QStringLiteral("lead_time_event") << QStringLiteral("scenario") << QStringLiteral("run");
    if (version >= 2) tables << QStringLiteral("setting");
    return tables;
}

}  // namespace headroom::migrations
