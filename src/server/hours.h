// Internal: what routes_hours.cpp shares with routes_certificates.cpp (and the seed).
#pragma once
#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "core/hours_model.h"
#include "server/app.h"
#include "server/mutation.h"

namespace zygc::server {

// The key of check-in codes and certificate MACs: derived from the server secret, or a
// fixed public dev key when none is configured.
std::string hours_key(const App& app);
// The 6-digit check-in code of a shift for the 60 s window `window` (= unix time / 60).
std::string checkin_code(const App& app, Id shift, int64_t window);
// Great-circle distance in whole metres.
int64_t haversine_m(double lat1, double lng1, double lat2, double lng2);
// "王小明" → "王**".
std::string masked_name(const std::string& name);
// Closes open records whose shift has ended (pending + auto_closed). Caller holds db_mutex.
bool auto_close_due(App& app);
// Whether auto_close_due() has anything to close: nullopt when the database failed (logged).
[[nodiscard]] std::optional<bool> auto_close_pending(Db& db, int64_t now);
// A read of records through with_user_read: on a reader, it hands over to the writer (nullopt)
// when records are due to be auto-closed; on the writer, it closes them first. `read` may hand
// over too (nullopt).
std::optional<Reply> when_none_due(App& app, Db& db, bool on_writer,
                                   const std::function<std::optional<Reply>()>& read);
// One record with history and dispute: 1 found, 0 none, -1 database error.
int load_record(App& app, Id id, HourRecord& out);

// Dev mode demo attendance (seed_hours.cpp): once, plus a shift running now.
bool ensure_demo_hours(App& app, std::string* err);

void register_hours_routes(App& app);         // routes_hours.cpp
void register_certificate_routes(App& app);   // routes_certificates.cpp

}  // namespace zygc::server
