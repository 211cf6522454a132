// [SECTION] Request head  [SECTION] Chunked bodies  [SECTION] Text helpers
#include "server/http_parse.h"

#include <cctype>

namespace zygc::server {

namespace {

HeadResult fail(int status, const char* code, std::string detail) {
    HeadResult r;
    r.state = ParseState::Error;
    r.error = {status, code, std::move(detail)};
    return r;
}

bool is_tchar(unsigned char c) {
    return std::isalnum(c) || std::string_view("!#$%&'*+-.^_`|~").find(static_cast<char>(c)) !=
                                  std::string_view::npos;
}

std::string_view trim_ows(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

// True when the comma-separated list `value` holds `token` (case-insensitive).
bool has_token(std::string_view value, std::string_view token) {
    while (!value.empty()) {
        size_t comma = value.find(',');
        if (lower(trim_ows(value.substr(0, comma))) == token) return true;
        if (comma == std::string_view::npos) break;
        value.remove_prefix(comma + 1);
    }
    return false;
}

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

}  // namespace

// ---- [SECTION] Request head ------------------------------------------------------------

HeadResult parse_head(std::string_view in, const HttpLimits& lim, httplib::Request& req) {
    size_t start = 0;
    while (start + 1 < in.size() && in[start] == '\r' && in[start + 1] == '\n') start += 2;
    size_t end = in.find("\r\n\r\n", start);
    if (end == std::string_view::npos || end + 4 > lim.max_head_bytes) {
        if (in.size() <= lim.max_head_bytes && end == std::string_view::npos) return {};
        if (in.find("\r\n", start) == std::string_view::npos)
            return fail(414, "uri_too_long", "The request line is too long.");
        return fail(431, "headers_too_large", "The request head is larger than 16 KiB.");
    }
    std::string_view head = in.substr(start, end + 2 - start);  // lines, each ending CRLF

    // Request line: method SP request-target SP HTTP-version.
    size_t eol = head.find("\r\n");
    std::string_view line = head.substr(0, eol);
    head.remove_prefix(eol + 2);
    size_t sp1 = line.find(' ');
    size_t sp2 = sp1 == std::string_view::npos ? sp1 : line.find(' ', sp1 + 1);
    if (sp2 == std::string_view::npos || line.find(' ', sp2 + 1) != std::string_view::npos)
        return fail(400, "bad_request", "Malformed request line.");
    std::string_view method = line.substr(0, sp1);
    std::string_view target = line.substr(sp1 + 1, sp2 - sp1 - 1);
    std::string_view version = line.substr(sp2 + 1);
    if (method.empty() || method.size() > 20)
        return fail(400, "bad_request", "Malformed request method.");
    for (unsigned char c : method)
        if (!is_tchar(c)) return fail(400, "bad_request", "Malformed request method.");
    if (target.empty() || target.front() != '/')
        return fail(400, "bad_request", "The request target must be a path.");
    for (unsigned char c : target)
        if (c <= 0x20 || c == 0x7f) return fail(400, "bad_request", "Malformed request target.");
    if (version != "HTTP/1.1" && version != "HTTP/1.0") {
        if (version.substr(0, 5) == "HTTP/" && version.size() == 8)
            return fail(505, "http_version_not_supported", "Only HTTP/1.0 and HTTP/1.1 are spoken.");
        return fail(400, "bad_request", "Malformed HTTP version.");
    }

    req.method = std::string(method);
    req.target = std::string(target);
    req.version = std::string(version);
    req.headers.clear();
    req.params.clear();
    req.body.clear();

    // Header fields.
    size_t fields = 0, content_lengths = 0;
    std::string_view content_length, transfer_encoding, connection, expect, content_encoding;
    bool has_te = false, has_ce = false, has_expect = false;
    while (!head.empty()) {
        eol = head.find("\r\n");
        line = head.substr(0, eol);
        head.remove_prefix(eol + 2);
        if (++fields > lim.max_header_fields)
            return fail(431, "headers_too_large", "More than 100 header fields.");
        if (line.empty() || line.front() == ' ' || line.front() == '\t')
            return fail(400, "bad_request", "Folded or empty header line.");
        size_t colon = line.find(':');
        if (colon == std::string_view::npos || colon == 0)
            return fail(400, "bad_request", "Malformed header field.");
        std::string_view name = line.substr(0, colon);
        for (unsigned char c : name)
            if (!is_tchar(c)) return fail(400, "bad_request", "Malformed header field name.");
        std::string_view value = trim_ows(line.substr(colon + 1));
        for (unsigned char c : value)
            if ((c < 0x20 && c != '\t') || c == 0x7f)
                return fail(400, "bad_request", "Control character in a header value.");
        std::string lname = lower(name);
        if (lname == "content-length") {
            ++content_lengths;
            content_length = value;
        } else if (lname == "transfer-encoding") {
            if (has_te) return fail(400, "bad_request", "Transfer-Encoding given twice.");
            has_te = true;
            transfer_encoding = value;
        } else if (lname == "connection") {
            connection = value;
        } else if (lname == "expect") {
            has_expect = true;
            expect = value;
        } else if (lname == "content-encoding") {
            has_ce = true;
            content_encoding = value;
        }
        req.headers.emplace(std::string(name), std::string(value));
    }

    HeadResult r;
    r.state = ParseState::Done;
    r.consumed = end + 4;
    BodyFraming& b = r.body;
    // Request smuggling guards (RFC 9112 §6.3): one length, never two framings.
    if (content_lengths > 1)
        return fail(400, "bad_request", "Content-Length given more than once.");
    if (content_lengths && has_te)
        return fail(400, "bad_request", "Both Content-Length and Transfer-Encoding given.");
    if (content_lengths) {
        if (content_length.empty() || content_length.size() > 18)
            return fail(400, "bad_request", "Malformed Content-Length.");
        size_t n = 0;
        for (char c : content_length) {
            if (c < '0' || c > '9') return fail(400, "bad_request", "Malformed Content-Length.");
            n = n * 10 + static_cast<size_t>(c - '0');
        }
        if (n > lim.max_body_bytes)
            return fail(413, "body_too_large", "The request body is larger than 64 KiB.");
        b.kind = n ? BodyFraming::Length : BodyFraming::None;
        b.length = n;
    }
    if (has_te) {
        if (req.version == "HTTP/1.0")
            return fail(400, "bad_request", "Transfer-Encoding in an HTTP/1.0 request.");
        if (lower(transfer_encoding) != "chunked")
            return fail(501, "not_implemented", "Only the chunked transfer coding is understood.");
        b.kind = BodyFraming::Chunked;
    }
    // Compressed request bodies are refused rather than inflated: nothing the app sends
    // is compressed, and refusing needs no cap on an inflated size (docs/architecture.md).
    if (has_ce && b.kind != BodyFraming::None && lower(content_encoding) != "identity")
        return fail(415, "unsupported_media_type", "Compressed request bodies are not accepted.");
    if (has_expect) {
        if (lower(expect) != "100-continue")
            return fail(417, "expectation_failed", "Only Expect: 100-continue is understood.");
        b.expect_continue = b.kind != BodyFraming::None && req.version == "HTTP/1.1";
    }
    b.keep_alive = req.version == "HTTP/1.1" ? !has_token(connection, "close")
                                             : has_token(connection, "keep-alive");

    // Path and query, percent-decoded (the query's '+' is a space).
    std::string_view t = target;
    size_t q = t.find('?');
    req.path = percent_decode(t.substr(0, q), false);
    if (q != std::string_view::npos) {
        std::string_view query = t.substr(q + 1);
        while (!query.empty()) {
            size_t amp = query.find('&');
            std::string_view pair = query.substr(0, amp);
            if (!pair.empty()) {
                size_t eq = pair.find('=');
                std::string key = percent_decode(pair.substr(0, eq), true);
                std::string val = eq == std::string_view::npos ? std::string()
                                                               : percent_decode(pair.substr(eq + 1), true);
                req.params.emplace(std::move(key), std::move(val));
            }
            if (amp == std::string_view::npos) break;
            query.remove_prefix(amp + 1);
        }
    }
    return r;
}

// ---- [SECTION] Chunked bodies ----------------------------------------------------------

ParseState ChunkedDecoder::feed(std::string_view in, std::string& out, size_t& consumed,
                                HttpError& err) {
    size_t i = 0;
    auto error = [&](int status, const char* code, const char* detail) {
        err = {status, code, detail};
        return ParseState::Error;
    };
    while (i < in.size()) {
        switch (s_) {
            case S::SizeLine:
            case S::Trailer: {
                size_t nl = in.find('\n', i);
                size_t take = (nl == std::string_view::npos ? in.size() : nl + 1) - i;
                line_.append(in.substr(i, take));
                i += take;
                if (s_ == S::SizeLine && line_.size() > lim_.max_chunk_line)
                    return error(400, "bad_request", "Chunk size line too long.");
                if (s_ == S::Trailer && trailer_bytes_ + line_.size() > lim_.max_trailer_bytes)
                    return error(431, "headers_too_large", "Trailer fields too large.");
                if (nl == std::string_view::npos) break;
                if (line_.size() < 2 || line_[line_.size() - 2] != '\r')
                    return error(400, "bad_request", "Chunk lines must end with CRLF.");
                std::string_view l(line_.data(), line_.size() - 2);
                if (s_ == S::Trailer) {
                    trailer_bytes_ += line_.size();
                    line_.clear();
                    if (l.empty()) {
                        consumed = i;
                        return ParseState::Done;
                    }
                    break;  // trailer fields are read and dropped
                }
                std::string_view digits = trim_ows(l.substr(0, l.find(';')));
                while (digits.size() > 1 && digits.front() == '0') digits.remove_prefix(1);
                if (digits.empty() || digits.size() > 8)
                    return error(400, "bad_request", "Malformed chunk size.");
                size_t n = 0;
                for (char c : digits) {
                    int v = hex_value(c);
                    if (v < 0) return error(400, "bad_request", "Malformed chunk size.");
                    n = n * 16 + static_cast<size_t>(v);
                }
                line_.clear();
                if (n > lim_.max_body_bytes || out.size() + n > lim_.max_body_bytes)
                    return error(413, "body_too_large", "The request body is larger than 64 KiB.");
                remaining_ = n;
                s_ = n == 0 ? S::Trailer : S::Data;
                break;
            }
            case S::Data: {
                size_t take = std::min(remaining_, in.size() - i);
                out.append(in.substr(i, take));
                i += take;
                remaining_ -= take;
                if (remaining_ == 0) s_ = S::DataCrlf;
                break;
            }
            case S::DataCrlf: {
                line_.push_back(in[i++]);
                if (line_.size() == 2) {
                    if (line_ != "\r\n") return error(400, "bad_request", "Chunk data must end with CRLF.");
                    line_.clear();
                    s_ = S::SizeLine;
                }
                break;
            }
        }
    }
    consumed = i;
    return ParseState::NeedMore;
}

// ---- [SECTION] Text helpers ------------------------------------------------------------

std::string percent_decode(std::string_view s, bool plus_as_space) {
    std::string out;
    out.reserve(s.size());
    for (size_t i = 0; i < s.size(); ++i) {
        char c = s[i];
        if (c == '%' && i + 2 < s.size() && hex_value(s[i + 1]) >= 0 && hex_value(s[i + 2]) >= 0) {
            out.push_back(static_cast<char>(hex_value(s[i + 1]) * 16 + hex_value(s[i + 2])));
            i += 2;
        } else if (c == '+' && plus_as_space) {
            out.push_back(' ');
        } else {
            out.push_back(c);
        }
    }
    return out;
}

bool valid_utf8(std::string_view s) {
    size_t i = 0;
    while (i < s.size()) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        size_t n;
        uint32_t cp;
        if (c < 0x80) { ++i; continue; }
        else if ((c & 0xE0) == 0xC0) { n = 1; cp = c & 0x1F; }
        else if ((c & 0xF0) == 0xE0) { n = 2; cp = c & 0x0F; }
        else if ((c & 0xF8) == 0xF0) { n = 3; cp = c & 0x07; }
        else return false;
        if (i + n >= s.size()) return false;  // truncated sequence
        for (size_t k = 1; k <= n; ++k) {
            unsigned char cc = static_cast<unsigned char>(s[i + k]);
            if ((cc & 0xC0) != 0x80) return false;
            cp = (cp << 6) | (cc & 0x3F);
        }
        // Overlong forms, surrogates and values past U+10FFFF are not UTF-8.
        if ((n == 1 && cp < 0x80) || (n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000) ||
            cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return false;
        i += n + 1;
    }
    return true;
}

}  // namespace zygc::server
