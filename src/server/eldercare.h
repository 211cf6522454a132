// Internal: what the eldercare files (issue 13) share — routes_eldercare.cpp (老帮老 ledger,
// pairing, visits), routes_help.cpp (有困难找志愿者), routes_dashboard.cpp (city dashboard,
// awards), seed_eldercare.cpp (dev demo data) — and the hooks other files call.
#pragma once
#include <functional>
#include <optional>
#include <string>

#include "server/mutation.h"

namespace zygc::server {

void register_eldercare_routes(App& app);  // routes_eldercare.cpp
void register_help_routes(App& app);       // routes_help.cpp
void register_dashboard_routes(App& app);  // routes_dashboard.cpp

// Dev mode demo data: needs and helpers in every district, pairs, visits, help requests.
bool ensure_demo_eldercare(App& app, std::string* err);

// Is `team` a district's 老帮老 team and `user` a social worker (they certify its visit
// records as an organizer certifies their team's)? nullopt: the database failed (logged).
std::optional<bool> keeps_eldercare_team(Db& db, Id user, Id team);

// The attendance history of a visit record: a manual check-in and check-out by `actor`.
bool add_visit_history(App& app, Id record, Id actor, int64_t at, int64_t start, int64_t end, int64_t minutes);

// "张小华" → "张*华", "张华" → "张*", "欧阳小华" → "欧**华".
std::string mask_person_name(const std::string& name);

// The district's 老帮老 team and project (created on first use). Caller holds db_mutex and
// is inside a transaction. 0 on failure (logged).
Id eldercare_project(App& app, Id district);

// Publishing as POST /projects does, for a help request turned into a project (defined in
// routes_publish.cpp): `prefix` goes before field names in errors; `also` runs inside the
// same transaction (false rolls back). Caller holds db_mutex.
Reply publish_draft(App& app, const json& draft, const std::string& prefix, const std::function<bool(Id)>& also);

// ---- list queries (limit, cursor = the last row's id, district_id) -------------------------
struct ListQuery {
    int64_t limit = 20;
    int64_t after = 0;  // rows with id < after (0: from the newest)
    std::optional<int64_t> district;
};
// Parses limit/cursor/district_id (400 malformed, 422 out of range or unknown district).
// `district_required`: a missing district_id is 422.
std::optional<Reply> read_list_query(Db& db, const httplib::Request& req, ListQuery& q, bool district_required);
std::string next_cursor_of(int64_t last_id);
json page_json(json items, const ListQuery& q, int64_t total, int64_t last_id);

}  // namespace zygc::server
