// HTTP/1.1 request parsing with hard limits: pure functions over bytes, no sockets.
// The connection layer (http_front.cpp) feeds them what it has read; everything here
// either asks for more bytes, completes, or names the 4xx to answer and why.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include <httplib.h>

#include "server/server.h"

namespace zygc::server {

using HttpLimits = Limits;  // the head/body fields of it

// Why a request is refused: status, stable problem `code`, a short English detail.
struct HttpError {
    int status = 0;  // 0: no error
    const char* code = "";
    std::string detail;
};

enum class ParseState { NeedMore, Done, Error };

// What the head says about the body that follows it.
struct BodyFraming {
    enum Kind { None, Length, Chunked } kind = None;
    size_t length = 0;        // for Length
    bool expect_continue = false;
    bool keep_alive = true;   // after this request (Connection header, HTTP version)
};

struct HeadResult {
    ParseState state = ParseState::NeedMore;
    size_t consumed = 0;  // bytes of `in` that made the head (Done)
    HttpError error;      // (Error)
    BodyFraming body;     // (Done)
};

// Parses a request head at the start of `in` into req (method, target, path, params,
// version, headers). Leading blank lines are skipped (RFC 9112 §2.2).
HeadResult parse_head(std::string_view in, const HttpLimits& lim, httplib::Request& req);

// Incremental decoder of a chunked body (RFC 9112 §7.1). feed() consumes what it can
// of `in` and appends decoded data to `out`; sizes, extension lines and trailers are
// bounded, and so is the decoded total.
class ChunkedDecoder {
public:
    explicit ChunkedDecoder(const HttpLimits& lim) : lim_(lim) {}
    // Returns NeedMore (all of `in` consumed), Done (`consumed` says how much), or Error.
    ParseState feed(std::string_view in, std::string& out, size_t& consumed, HttpError& err);

private:
    enum class S { SizeLine, Data, DataCrlf, Trailer } s_ = S::SizeLine;
    const HttpLimits& lim_;
    std::string line_;      // the size line or trailer line being read
    size_t remaining_ = 0;  // bytes left in the current chunk
    size_t trailer_bytes_ = 0;
};

// Percent-decoding; `plus_as_space` for query components. Malformed escapes stay as is.
std::string percent_decode(std::string_view s, bool plus_as_space);
bool valid_utf8(std::string_view s);

}  // namespace zygc::server
