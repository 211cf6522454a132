// The schema migrations, one file each (src/server/migrations/NNN_name.cpp); migrations.cpp
// lists them in order in kMigrations and applies the missing ones. A new migration: a new
// file, its line here, its entry at the end of kMigrations and in src/server/CMakeLists.txt.
#pragma once

namespace zygc::server {

extern const char* const kMigration001;  // 001_catalogue.cpp
extern const char* const kMigration002;  // 002_accounts.cpp
extern const char* const kMigration003;  // 003_login_limits.cpp
extern const char* const kMigration004;  // 004_hours.cpp
extern const char* const kMigration005;  // 005_city_scale.cpp
extern const char* const kMigration006;  // 006_city_minutes.cpp
extern const char* const kMigration007;  // 007_points.cpp
extern const char* const kMigration008;  // 008_eldercare.cpp
extern const char* const kMigration009;  // 009_search_order.cpp
extern const char* const kMigration010;  // 010_dashboard_counts.cpp
extern const char* const kMigration011;  // 011_stats_version.cpp
extern const char* const kMigration012;  // 012_open_not_ended.cpp
extern const char* const kMigration013;  // 013_shift_insert.cpp
extern const char* const kMigration014;  // 014_points_totals.cpp

}  // namespace zygc::server
