#include "server/http_util.h"

#include <libdeflate.h>

#include <cctype>
#include <charconv>
#include <cstdio>
#include <memory>

#include "core/codec.h"
#include "core/calendar.h"
#include "server/http_parse.h"
#include "core/utf8.h"

namespace zygc::server {

// ---- responses --------------------------------------------------------------------------

const char* status_title(int status) {
    switch (status) {
        case 400: return "Bad Request";
        case 401: return "Unauthorized";
        case 403: return "Forbidden";
        case 404: return "Not Found";
        case 405: return "Method Not Allowed";
        case 408: return "Request Timeout";
        case 409: return "Conflict";
        case 412: return "Precondition Failed";
        case 413: return "Content Too Large";
        case 414: return "URI Too Long";
        case 415: return "Unsupported Media Type";
        case 417: return "Expectation Failed";
        case 422: return "Unprocessable Content";
        case 429: return "Too Many Requests";
        case 431: return "Request Header Fields Too Large";
        case 500: return "Internal Server Error";
        case 501: return "Not Implemented";
        case 503: return "Service Unavailable";
        case 505: return "HTTP Version Not Supported";
        default: return "Error";
    }
}

Problem make_problem(int status, std::string detail, std::vector<FieldError> errors) {
    Problem p;
    p.type = "about:blank";
    p.title = status_title(status);
    p.status = status;
    p.detail = std::move(detail);
    p.errors = std::move(errors);
    return p;
}

Problem make_problem(int status, Code code, std::string detail, std::vector<FieldError> errors,
                     Params params) {
    Problem p = make_problem(status, std::move(detail), std::move(errors));
    p.code = code.id ? code.id : "";
    p.params = std::move(params);
    return p;
}

std::string dump_json(const nlohmann::json& j) {
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

uint64_t fnv1a64(std::string_view s, uint64_t h) {
    for (unsigned char c : s) {
        h ^= c;
        h *= 1099511628211ULL;
    }
    return h;
}

std::string etag_for(std::string_view body) {
    // Two independent 64-bit FNV-1a passes (different bases) plus the length.
    char buf[64];
    std::snprintf(buf, sizeof buf, "\"%016llx%016llx-%zx\"",
                  static_cast<unsigned long long>(fnv1a64(body)),
                  static_cast<unsigned long long>(fnv1a64(body, 0x84222325cbf29ce4ULL)),
                  body.size());
    return buf;
}

static std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

// Weak comparison (RFC 9110 §13.1.2): W/ prefixes and our "-gzip" suffix are ignored.
bool if_none_match_hits(std::string_view header, std::string_view etag) {
    auto opaque = [](std::string_view t) {
        t = trim(t);
        if (t.substr(0, 2) == "W/") t.remove_prefix(2);
        if (t.size() >= 2 && t.front() == '"' && t.back() == '"') t = t.substr(1, t.size() - 2);
        constexpr std::string_view gz = "-gzip";
        if (t.size() > gz.size() && t.substr(t.size() - gz.size()) == gz)
            t.remove_suffix(gz.size());
        return t;
    };
    if (trim(header) == "*") return true;
    std::string_view want = opaque(etag);
    while (!header.empty()) {
        size_t comma = header.find(',');
        std::string_view tok = header.substr(0, comma);
        if (!trim(tok).empty() && opaque(tok) == want) return true;
        if (comma == std::string_view::npos) break;
        header.remove_prefix(comma + 1);
    }
    return false;
}

bool accepts_gzip(std::string_view ae) {
    while (!ae.empty()) {
        size_t comma = ae.find(',');
        std::string_view tok = trim(ae.substr(0, comma));
        size_t semi = tok.find(';');
        std::string_view coding = trim(tok.substr(0, semi));
        if (coding == "gzip" || coding == "x-gzip" || coding == "*") {
            bool zero = false;
            if (semi != std::string_view::npos) {
                std::string_view params = trim(tok.substr(semi + 1));
                if (params.substr(0, 2) == "q=") {
                    std::string_view q = params.substr(2);
                    zero = q.find_first_not_of("0.") == std::string_view::npos;
                }
            }
            if (!zero) return true;
        }
        if (comma == std::string_view::npos) break;
        ae.remove_prefix(comma + 1);
    }
    return false;
}

bool compressible_type(std::string_view ct) {
    std::string_view base = ct.substr(0, ct.find(';'));
    return base.substr(0, 5) == "text/" || base == "application/json" ||
           base == "application/problem+json" || base == "application/javascript" ||
           base == "application/wasm" || base == "application/manifest+json" ||
           base == "image/svg+xml" || base == "application/xml";
}

namespace {
// One compressor per thread, made once: making one allocates ~0.5 MB. libdeflate, not zlib:
// at level 6 it gives the bytes zlib gave at level 9 (a 20-project page: 3,150 against 3,131
// B) in half the time (70 against 147 µs), and zlib was 44 % of the server's CPU under fresh
// pages at 64 connections (docs/benchmarks.md, fifteenth session).
struct Compressor {
    libdeflate_compressor* c = libdeflate_alloc_compressor(6);
    ~Compressor() { libdeflate_free_compressor(c); }
};
}  // namespace

std::string gzip_compress(std::string_view data) {
    thread_local Compressor z;
    if (!z.c) return {};
    std::string out(libdeflate_gzip_compress_bound(z.c, data.size()), '\0');
    size_t n = libdeflate_gzip_compress(z.c, data.data(), data.size(), out.data(), out.size());
    if (n == 0) return {};
    out.resize(n);
    return out;
}

void send_body(const httplib::Request& req, httplib::Response& res, int status, std::string body,
               const std::string& content_type, bool no_cache) {
    res.status = status;
    if (no_cache) res.set_header("Cache-Control", "no-cache");
    const bool compressible = compressible_type(content_type);
    if (compressible) res.set_header("Vary", "Accept-Encoding");
    if (status == 200 && (req.method == "GET" || req.method == "HEAD")) {
        std::string tag = etag_for(body);
        if (req.has_header("If-None-Match") &&
            if_none_match_hits(req.get_header_value("If-None-Match"), tag)) {
            res.status = 304;
            res.set_header("ETag", tag);
            res.body.clear();
            return;
        }
        bool gz = compressible && body.size() >= 256 &&
                  accepts_gzip(req.get_header_value("Accept-Encoding"));
        if (gz) {
            std::string z = gzip_compress(body);
            if (!z.empty()) {
                body.swap(z);
                tag.insert(tag.size() - 1, "-gzip");  // a distinct tag per representation
                res.set_header("Content-Encoding", "gzip");
            }
        }
        res.set_header("ETag", tag);
    } else if (compressible && body.size() >= 1024 &&
               accepts_gzip(req.get_header_value("Accept-Encoding"))) {
        std::string z = gzip_compress(body);
        if (!z.empty()) {
            body.swap(z);
            res.set_header("Content-Encoding", "gzip");
        }
    }
    res.body = std::move(body);
    res.set_header("Content-Type", content_type);
}

void send_prepared(const httplib::Request& req, httplib::Response& res,
                   std::shared_ptr<const std::string> body, std::shared_ptr<const std::string> gz,
                   const std::string& etag, const std::string& content_type) {
    res.status = 200;
    res.set_header("Cache-Control", "no-cache");
    if (gz) res.set_header("Vary", "Accept-Encoding");
    if (req.has_header("If-None-Match") &&
        if_none_match_hits(req.get_header_value("If-None-Match"), etag)) {
        res.status = 304;
        res.set_header("ETag", etag);
        return;
    }
    std::shared_ptr<const std::string> data = body;
    std::string tag = etag;
    if (gz && accepts_gzip(req.get_header_value("Accept-Encoding"))) {
        data = gz;
        tag.insert(tag.size() - 1, "-gzip");
        res.set_header("Content-Encoding", "gzip");
    }
    res.set_header("ETag", tag);
    res.body = *data;
    res.set_header("Content-Type", content_type);
}

void send_json(const httplib::Request& req, httplib::Response& res, const nlohmann::json& j,
               int status) {
    send_body(req, res, status, dump_json(j), "application/json", true);
}

void send_problem(const httplib::Request& req, httplib::Response& res, const Problem& p) {
    send_body(req, res, p.status, dump_json(encode(p)), "application/problem+json", true);
}

// ---- base64url / text -------------------------------------------------------------------

static const char kB64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

std::string base64url_encode(std::string_view in) {
    std::string out;
    uint32_t acc = 0;
    int bits = 0;
    for (unsigned char c : in) {
        acc = (acc << 8) | c;
        bits += 8;
        while (bits >= 6) {
            bits -= 6;
            out.push_back(kB64[(acc >> bits) & 63]);
        }
    }
    if (bits > 0) out.push_back(kB64[(acc << (6 - bits)) & 63]);
    return out;
}

std::optional<std::string> base64url_decode(std::string_view in) {
    std::string out;
    uint32_t acc = 0;
    int bits = 0;
    for (char c : in) {
        int v;
        if (c >= 'A' && c <= 'Z') v = c - 'A';
        else if (c >= 'a' && c <= 'z') v = c - 'a' + 26;
        else if (c >= '0' && c <= '9') v = c - '0' + 52;
        else if (c == '-') v = 62;
        else if (c == '_') v = 63;
        else return std::nullopt;
        acc = (acc << 6) | static_cast<uint32_t>(v);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out.push_back(static_cast<char>((acc >> bits) & 0xFF));
        }
    }
    if (bits >= 6) return std::nullopt;  // a dangling sextet is never produced by encode
    return out;
}

size_t utf8_length(std::string_view s) { return utf8::count(s); }

// ---- query parameters -------------------------------------------------------------------

std::optional<std::string> Query::raw(const char* name) {
    size_t n = req_.get_param_value_count(name);
    if (n == 0) return std::nullopt;
    if (n > 1) {
        bad(name, "given more than once");
        return std::nullopt;
    }
    std::string v = req_.get_param_value(name);
    // Text goes on into SQL, FTS and JSON: it must be UTF-8 without NUL (else 400, never
    // a 500 from further down).
    if (v.find('\0') != std::string::npos) {
        bad(name, "must not contain NUL");
        return std::nullopt;
    }
    if (!valid_utf8(v)) {
        bad(name, "must be UTF-8 text");
        return std::nullopt;
    }
    return v;
}

std::optional<std::string> Query::text(const char* name) {
    auto v = raw(name);
    if (!v) return std::nullopt;
    std::string_view t = *v;
    while (!t.empty() && std::isspace(static_cast<unsigned char>(t.front()))) t.remove_prefix(1);
    while (!t.empty() && std::isspace(static_cast<unsigned char>(t.back()))) t.remove_suffix(1);
    if (t.empty()) return std::nullopt;
    if (t.size() > 200) {
        invalid(name, "must be at most 200 bytes");
        return std::nullopt;
    }
    return std::string(t);
}

static std::optional<int64_t> parse_int(std::string_view s) {
    if (s.empty() || s.size() > 18) return std::nullopt;
    for (char c : s)
        if (c < '0' || c > '9') return std::nullopt;
    int64_t v = 0;
    auto r = std::from_chars(s.data(), s.data() + s.size(), v);
    if (r.ec != std::errc() || r.ptr != s.data() + s.size()) return std::nullopt;
    return v;
}

std::optional<int64_t> Query::id(const char* name) {
    auto v = raw(name);
    if (!v) return std::nullopt;
    auto n = parse_int(*v);
    if (!n || *n <= 0) {
        bad(name, "must be a positive integer");
        return std::nullopt;
    }
    return n;
}

std::optional<double> Query::number(const char* name, double lo, double hi) {
    auto v = raw(name);
    if (!v) return std::nullopt;
    double d = 0;
    auto r = std::from_chars(v->data(), v->data() + v->size(), d);
    if (v->empty() || r.ec != std::errc() || r.ptr != v->data() + v->size()) {
        bad(name, "must be a number");
        return std::nullopt;
    }
    if (!(d >= lo && d <= hi)) {
        char buf[96];
        std::snprintf(buf, sizeof buf, "must be between %g and %g", lo, hi);
        invalid(name, buf);
        return std::nullopt;
    }
    return d;
}

std::optional<int64_t> Query::date(const char* name) {
    auto v = raw(name);
    if (!v) return std::nullopt;
    auto d = parse_date(*v);
    if (!d) {
        bad(name, "must be a date YYYY-MM-DD");
        return std::nullopt;
    }
    return d;
}

std::optional<std::string> Query::one_of(const char* name,
                                         std::initializer_list<const char*> allowed) {
    auto v = raw(name);
    if (!v) return std::nullopt;
    std::string list;
    for (const char* a : allowed) {
        if (*v == a) return v;
        list += list.empty() ? "" : ", ";
        list += a;
    }
    invalid(name, "must be one of: " + list);
    return std::nullopt;
}

int Query::limit(int max, int fallback) {
    auto v = raw("limit");
    if (!v) return fallback;
    const std::string range = "between 1 and " + std::to_string(max);
    auto n = parse_int(*v);
    if (!n) {
        bad("limit", "must be an integer " + range);
        return fallback;
    }
    if (*n < 1 || *n > max) {
        invalid("limit", "must be " + range);
        return fallback;
    }
    return static_cast<int>(*n);
}

std::string make_cursor(int64_t offset, uint64_t signature) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "o%lld.%016llx", static_cast<long long>(offset),
                  static_cast<unsigned long long>(signature));
    return base64url_encode(buf);
}

int64_t Query::cursor(uint64_t signature) {
    auto v = raw("cursor");
    if (!v) return 0;
    auto text = base64url_decode(*v);
    if (!text || text->size() < 19 || (*text)[0] != 'o') {
        bad("cursor", "is not a cursor returned by this list");
        return 0;
    }
    size_t dot = text->find('.');
    auto off = dot == std::string::npos ? std::nullopt
                                        : parse_int(std::string_view(*text).substr(1, dot - 1));
    if (!off) {
        bad("cursor", "is not a cursor returned by this list");
        return 0;
    }
    char sig[20];
    std::snprintf(sig, sizeof sig, "%016llx", static_cast<unsigned long long>(signature));
    if (text->substr(dot + 1) != sig) {
        bad("cursor", "belongs to a different query (filters or sort changed)");
        return 0;
    }
    return *off;
}

std::string make_keyset_cursor(const Keyset& k, uint64_t signature) {
    char text[96];
    std::snprintf(text, sizeof text, "k%lld.%lld.%lld.%016llx", static_cast<long long>(k.first),
                  static_cast<long long>(k.second), static_cast<long long>(k.id),
                  static_cast<unsigned long long>(signature));
    return base64url_encode(text);
}

std::optional<Keyset> Query::keyset(uint64_t signature) {
    auto v = raw("cursor");
    if (!v) return std::nullopt;
    auto text = base64url_decode(*v);
    unsigned long long sig = 0;
    long long first = 0, second = 0, id = 0;
    int used = 0;
    if (!text || text->size() > 90 ||
        std::sscanf(text->c_str(), "k%lld.%lld.%lld.%16llx%n", &first, &second, &id, &sig, &used) != 4 ||
        used != static_cast<int>(text->size()) || id <= 0) {
        bad("cursor", "is not a cursor returned by this list");
        return std::nullopt;
    }
    if (sig != signature) {
        bad("cursor", "belongs to a different query (filters changed)");
        return std::nullopt;
    }
    return Keyset{first, second, id};
}

Problem Query::problem() const {
    if (!bad400_.empty()) {
        auto all = bad400_;
        all.insert(all.end(), bad422_.begin(), bad422_.end());
        return make_problem(400, Code{"bad_query"}, "Malformed query parameter.", all);
    }
    return make_problem(422, Code{"invalid_query"}, "Invalid query parameter.", bad422_);
}

}  // namespace zygc::server
