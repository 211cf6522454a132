// Answers named by a version tag. A read whose answer is a function of its URL and of data
// versions kept by triggers (catalog_version, stats_version) gets an ETag computed from
// those before any query runs: a matching If-None-Match costs a row read, and the answer
// made once is kept (answer_cache.h) and sent again until a version moves.
#pragma once
#include <string>
#include <string_view>

#include "server/app.h"

namespace zygc::server {

// "\"<kind><16 hex digits>\"": a hash of key, different in each server process (a restart
// changes every tag, so no tag outlives the answers it named).
std::string answer_tag(char kind, std::string_view key);
// True when If-None-Match already names tag (a 304 is in res).
bool not_modified(const httplib::Request& req, httplib::Response& res, const std::string& tag);
// True when an answer for this tag was kept and is now in res.
bool answered_before(App& app, const httplib::Request& req, httplib::Response& res, const std::string& tag);
// Sends j (or JSON text) under its tag (gzip when asked) and keeps the answer for the next
// request. An empty tag: sent with the body's own hash, not kept.
void send_versioned(App& app, const httplib::Request& req, httplib::Response& res, const nlohmann::json& j,
                    const std::string& tag);
void send_versioned(App& app, const httplib::Request& req, httplib::Response& res, std::string body,
                    const std::string& tag);

}  // namespace zygc::server
