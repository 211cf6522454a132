// HTTP helpers shared by the routes: problem+json, ETag/304, gzip, query parsing, cursors.
#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "core/model.h"

namespace zygc::server {

// ---- responses --------------------------------------------------------------------------

const char* status_title(int status);
Problem make_problem(int status, std::string detail, std::vector<FieldError> errors = {});
// The same with a stable machine-readable `code` ("not_found", "body_too_large"): written
// make_problem(404, Code{"not_found"}, "…"). A distinct type, so that the older form's
// calls with braced field lists stay unambiguous.
struct Code {
    const char* id;
};
Problem make_problem(int status, Code code, std::string detail, std::vector<FieldError> errors = {},
                     Params params = {});

// Sends body with ETag (If-None-Match → 304), Cache-Control and, when the client accepts
// it and the type is compressible, gzip. The body is stored whole in res.body: the
// connection layer (http_front.cpp) writes it with its own Content-Length and never
// honours Range, so no byte outside the body can be asked for.
void send_body(const httplib::Request& req, httplib::Response& res, int status,
               std::string body, const std::string& content_type, bool cache_control_no_cache);
// Same, for a body prepared once (static files): `gz` may be null.
void send_prepared(const httplib::Request& req, httplib::Response& res,
                   std::shared_ptr<const std::string> body, std::shared_ptr<const std::string> gz,
                   const std::string& etag, const std::string& content_type);
void send_json(const httplib::Request& req, httplib::Response& res, const nlohmann::json& j,
               int status = 200);
void send_problem(const httplib::Request& req, httplib::Response& res, const Problem& p);

std::string dump_json(const nlohmann::json& j);
std::string etag_for(std::string_view body);  // quoted strong tag
bool if_none_match_hits(std::string_view header, std::string_view etag);
bool accepts_gzip(std::string_view accept_encoding);
bool compressible_type(std::string_view content_type);
std::string gzip_compress(std::string_view data);

// ---- base64url / hashing ---------------------------------------------------------------

std::string base64url_encode(std::string_view in);
std::optional<std::string> base64url_decode(std::string_view in);
uint64_t fnv1a64(std::string_view s, uint64_t h = 1469598103934665603ULL);

size_t utf8_length(std::string_view s);  // code points; invalid bytes count as one each

// ---- query parameters -------------------------------------------------------------------

// A list's keyset: the sort key of the last item of a page (two integers, 0 where the order
// has fewer, then the id); the next page starts after it.
struct Keyset {
    int64_t first = 0, second = 0, id = 0;
};

// Reads and validates query parameters, collecting every problem. Malformed values are
// 400 (bad request); well-formed but unacceptable ones are 422 (validation).
class Query {
public:
    explicit Query(const httplib::Request& req) : req_(req) {}

    std::optional<std::string> text(const char* name);  // non-empty after trimming
    std::optional<int64_t> id(const char* name);          // positive integer
    std::optional<double> number(const char* name, double lo, double hi);
    std::optional<int64_t> date(const char* name);        // days since epoch
    std::optional<std::string> one_of(const char* name, std::initializer_list<const char*> allowed);
    int limit(int max = 100, int fallback = 20);          // 1..max, default fallback

    // Opaque offset cursor bound to `signature` (a hash of the other parameters).
    int64_t cursor(uint64_t signature);
    // A keyset cursor (make_keyset_cursor) bound to `signature`: nullopt when there is none
    // or it is refused (then a 400 is recorded).
    std::optional<Keyset> keyset(uint64_t signature);

    void bad(const char* field, std::string message) { bad400_.push_back({field, std::move(message)}); }
    void invalid(const char* field, std::string message) { bad422_.push_back({field, std::move(message)}); }

    bool ok() const { return bad400_.empty() && bad422_.empty(); }
    Problem problem() const;  // 400 when anything is malformed, else 422

private:
    std::optional<std::string> raw(const char* name);

    const httplib::Request& req_;
    std::vector<FieldError> bad400_, bad422_;
};

std::string make_cursor(int64_t offset, uint64_t signature);
std::string make_keyset_cursor(const Keyset& k, uint64_t signature);  // "k<first>.<second>.<id>.<signature>", base64url

}  // namespace zygc::server
