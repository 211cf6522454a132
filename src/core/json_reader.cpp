#include "core/json_reader.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdlib>

#include "core/json_guard.h"
#include "core/utf8.h"

namespace zygc {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// The bytes a string holds as they are: ASCII from the space on, but the quote and backslash.
constexpr std::array<bool, 256> kPlain = [] {
    std::array<bool, 256> t{};
    for (int c = 0x20; c < 0x80; ++c) t[c] = c != '"' && c != '\\';
    return t;
}();

bool plain(char c) { return kPlain[static_cast<unsigned char>(c)]; }

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

}  // namespace

bool JsonReader::fail() {
    failed_ = true;
    p_ = end_;  // every later call sees the end and fails too
    return false;
}

bool JsonReader::open(char bracket) {
    space();
    if (p_ == end_ || *p_ != bracket) return fail();
    if (++depth_ > JsonLimits{}.max_depth) return fail();
    ++p_;
    return true;
}

// ---------------------------------------------------------------------------
// Objects and arrays
// ---------------------------------------------------------------------------

bool JsonReader::begin_object(std::string_view& out) {
    if (!open('{')) return false;
    space();
    if (p_ < end_ && *p_ == '}') {
        ++p_;
        --depth_;
        return false;
    }
    return key(out);
}

bool JsonReader::next_key(std::string_view& out) {
    space();
    if (p_ == end_) return fail();
    if (*p_ == '}') {
        ++p_;
        --depth_;
        return false;
    }
    if (*p_ != ',') return fail();
    ++p_;
    space();
    return key(out);
}

bool JsonReader::key(std::string_view& out) {
    if (p_ == end_ || *p_ != '"') return fail();
    ++p_;
    // Most keys are plain ASCII: then the key is the text itself.
    const char* start = p_;
    while (p_ < end_ && plain(*p_)) ++p_;
    if (p_ < end_ && *p_ == '"') {
        out = std::string_view(start, static_cast<size_t>(p_ - start));
        ++p_;
    } else {
        p_ = start;
        if (!string_body(key_)) return false;
        out = key_;
    }
    space();
    if (p_ == end_ || *p_ != ':') return fail();
    ++p_;
    return true;
}

bool JsonReader::begin_array() {
    if (!open('[')) return false;
    space();
    if (p_ < end_ && *p_ == ']') {
        ++p_;
        --depth_;
        return false;
    }
    return true;
}

bool JsonReader::next_item() {
    space();
    if (p_ == end_) return fail();
    if (*p_ == ']') {
        ++p_;
        --depth_;
        return false;
    }
    if (*p_ != ',') return fail();
    ++p_;
    return true;
}

// ---------------------------------------------------------------------------
// Scalars
// ---------------------------------------------------------------------------

bool JsonReader::literal(std::string_view word) {
    if (static_cast<size_t>(end_ - p_) < word.size() || std::string_view(p_, word.size()) != word) return false;
    p_ += word.size();
    return true;
}

bool JsonReader::read(bool& out) {
    space();
    if (literal("true")) out = true;
    else if (literal("false")) out = false;
    else return fail();
    return true;
}

bool JsonReader::read(int64_t& out) {
    Number n;
    if (!number(n) || !n.fits) return fail();
    out = n.value;
    return true;
}

bool JsonReader::read(double& out) {
    Number n;
    if (!number(n)) return false;
    if (n.fits) {
        out = static_cast<double>(n.value);  // nlohmann keeps integers as integers; get<double> casts
        return true;
    }
    if (n.integral) return fail();  // beyond int64: nlohmann's unsigned/overflow rules, left to it
    return to_double(n, out) || fail();
}

// nlohmann reads a non-integer with strtod (and refuses what overflows to infinity). Most
// numbers (a site's "39.9437") take Clinger's exact path instead: digits up to 2^53 and a
// power of ten up to 1e22 are both exact doubles, so one multiplication or division, rounded
// once, is the correctly rounded value strtod returns. The rest go to strtod itself (slow in
// wasm, where it works in an emulated long double).
bool JsonReader::to_double(const Number& n, double& out) {
    static constexpr double kPow10[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
                                        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    if (!n.many_digits && n.digits <= (uint64_t{1} << 53) && n.exponent >= -22 && n.exponent <= 22) {
        const double m = static_cast<double>(n.digits);
        const double v = n.exponent < 0 ? m / kPow10[-n.exponent] : m * kPow10[n.exponent];
        out = n.negative ? -v : v;
        return true;
    }
    char small[64];
    std::string large;  // only a long number needs the heap
    const size_t size = static_cast<size_t>(n.end - n.begin);
    const char* text;
    if (size < sizeof small) {
        for (size_t i = 0; i < size; ++i) small[i] = n.begin[i];
        small[size] = '\0';
        text = small;
    } else {
        large.assign(n.begin, size);
        text = large.c_str();
    }
    out = std::strtod(text, nullptr);
    return std::isfinite(out);
}

// -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
bool JsonReader::number(Number& out) {
    space();
    out.begin = p_;
    if (p_ < end_ && *p_ == '-') {
        out.negative = true;
        ++p_;
    }
    if (p_ == end_ || !is_digit(*p_)) return fail();
    auto digit = [&out](char c) {  // every digit, integer part and fraction, into one integer
        const uint64_t d = static_cast<uint64_t>(c - '0');
        if (out.digits > (UINT64_MAX - d) / 10) out.many_digits = true;
        if (!out.many_digits) out.digits = out.digits * 10 + d;
    };
    if (*p_ == '0') ++p_;
    else
        for (; p_ < end_ && is_digit(*p_); ++p_) digit(*p_);
    if (p_ < end_ && *p_ == '.') {
        out.integral = false;
        ++p_;
        if (p_ == end_ || !is_digit(*p_)) return fail();
        for (; p_ < end_ && is_digit(*p_); ++p_) {
            digit(*p_);
            --out.exponent;
        }
    }
    if (p_ < end_ && (*p_ == 'e' || *p_ == 'E')) {
        out.integral = false;
        ++p_;
        bool minus = false;
        if (p_ < end_ && (*p_ == '+' || *p_ == '-')) minus = *p_++ == '-';
        if (p_ == end_ || !is_digit(*p_)) return fail();
        int e = 0;
        for (; p_ < end_ && is_digit(*p_); ++p_) e = std::min(e * 10 + (*p_ - '0'), 100000);
        out.exponent += minus ? -e : e;
    }
    out.end = p_;
    const uint64_t limit = out.negative ? uint64_t{1} << 63 : static_cast<uint64_t>(INT64_MAX);
    out.fits = out.integral && !out.many_digits && out.digits <= limit;
    if (out.fits) out.value = out.negative ? static_cast<int64_t>(0 - out.digits) : static_cast<int64_t>(out.digits);
    return true;
}

bool JsonReader::read(std::string& out) {
    space();
    if (p_ == end_ || *p_ != '"') return fail();
    ++p_;
    return string_body(out);
}

bool JsonReader::string_body(std::string& out) {
    out.clear();
    const char* run = p_;  // the unescaped bytes since the last escape, copied in one go
    while (p_ < end_) {
        while (p_ < end_ && plain(*p_)) ++p_;
        if (p_ == end_) break;
        const unsigned char c = static_cast<unsigned char>(*p_);
        if (c == '"') {
            out.append(run, static_cast<size_t>(p_ - run));
            ++p_;
            return true;
        }
        if (c == '\\') {
            out.append(run, static_cast<size_t>(p_ - run));
            if (!escape(out)) return false;
            run = p_;
        } else if (c < 0x20) {
            return fail();  // control characters must be escaped
        } else if (!utf8()) {
            return fail();
        }
    }
    return fail();  // no closing quote
}

bool JsonReader::escape(std::string& out) {
    ++p_;  // the backslash
    if (p_ == end_) return fail();
    const char c = *p_++;
    switch (c) {
    case '"': out += '"'; return true;
    case '\\': out += '\\'; return true;
    case '/': out += '/'; return true;
    case 'b': out += '\b'; return true;
    case 'f': out += '\f'; return true;
    case 'n': out += '\n'; return true;
    case 'r': out += '\r'; return true;
    case 't': out += '\t'; return true;
    case 'u': break;
    default: return fail();
    }
    auto hex4 = [this]() -> int32_t {
        if (end_ - p_ < 4) return -1;
        int32_t v = 0;
        for (int i = 0; i < 4; ++i) {
            const int h = hex_value(p_[i]);
            if (h < 0) return -1;
            v = v * 16 + h;
        }
        p_ += 4;
        return v;
    };
    int32_t cp = hex4();
    if (cp < 0) return fail();
    if (cp >= 0xD800 && cp <= 0xDBFF) {  // a high surrogate: a low one must follow
        if (end_ - p_ < 2 || p_[0] != '\\' || p_[1] != 'u') return fail();
        p_ += 2;
        const int32_t low = hex4();
        if (low < 0xDC00 || low > 0xDFFF) return fail();
        cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
    } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
        return fail();  // a low surrogate alone
    }
    utf8::append(out, static_cast<uint32_t>(cp));
    return true;
}

// The well-formed sequences of the Unicode standard's table 3-7 (nlohmann checks the same):
// no overlong forms, no encoded surrogates, nothing past U+10FFFF.
bool JsonReader::utf8() {
    auto cont3 = [this] {  // the common case first: a 3-byte character (all of CJK) with no surrogate
        const unsigned b0 = static_cast<unsigned char>(p_[0]), b1 = static_cast<unsigned char>(p_[1]),
                       b2 = static_cast<unsigned char>(p_[2]);
        return b0 >= 0xE1 && b0 <= 0xEF && b0 != 0xED && (b1 & 0xC0) == 0x80 && (b2 & 0xC0) == 0x80;
    };
    if (end_ - p_ >= 3 && cont3()) {
        p_ += 3;
        return true;
    }
    auto byte = [this](ptrdiff_t i) -> unsigned { return i < end_ - p_ ? static_cast<unsigned char>(p_[i]) : 0u; };
    auto in = [](unsigned b, unsigned lo, unsigned hi) { return b >= lo && b <= hi; };
    auto cont = [&](unsigned b) { return in(b, 0x80, 0xBF); };
    const unsigned b0 = byte(0), b1 = byte(1);
    int length = 0;
    if (in(b0, 0xC2, 0xDF)) length = cont(b1) ? 2 : 0;
    else if (b0 == 0xE0) length = in(b1, 0xA0, 0xBF) && cont(byte(2)) ? 3 : 0;
    else if (in(b0, 0xE1, 0xEC) || b0 == 0xEE || b0 == 0xEF) length = cont(b1) && cont(byte(2)) ? 3 : 0;
    else if (b0 == 0xED) length = in(b1, 0x80, 0x9F) && cont(byte(2)) ? 3 : 0;
    else if (b0 == 0xF0) length = in(b1, 0x90, 0xBF) && cont(byte(2)) && cont(byte(3)) ? 4 : 0;
    else if (in(b0, 0xF1, 0xF3)) length = cont(b1) && cont(byte(2)) && cont(byte(3)) ? 4 : 0;
    else if (b0 == 0xF4) length = in(b1, 0x80, 0x8F) && cont(byte(2)) && cont(byte(3)) ? 4 : 0;
    if (length == 0) return false;
    p_ += length;
    return true;
}

// ---------------------------------------------------------------------------
// Skipping and the end
// ---------------------------------------------------------------------------

bool JsonReader::skip() {
    space();
    if (p_ == end_) return fail();
    switch (*p_) {
    case '{': {
        std::string_view k;
        for (bool more = begin_object(k); more; more = next_key(k))
            if (!skip()) return false;
        return !failed_;
    }
    case '[':
        for (bool more = begin_array(); more; more = next_item())
            if (!skip()) return false;
        return !failed_;
    case '"': return read(scratch_);
    case 't': return literal("true") || fail();
    case 'f': return literal("false") || fail();
    case 'n': return literal("null") || fail();
    default: {
        Number n;
        if (!number(n)) return false;
        if (n.fits) return true;
        // nlohmann reads a huge integer or any non-integer as a double and refuses infinity.
        double ignored = 0;
        return to_double(n, ignored) || fail();
    }
    }
}

bool JsonReader::finish() {
    space();
    return !failed_ && p_ == end_;
}

}  // namespace zygc
