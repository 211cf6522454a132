#include "ui/line_break.h"

namespace zygc::ui::linebreak {
namespace {

// The code point at p (p < end) and its length in bytes (1 for a broken sequence).
uint32_t decode(const char* p, const char* end, int& len) {
    const auto* u = reinterpret_cast<const unsigned char*>(p);
    const unsigned c = u[0];
    len = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    if (end - p < len) {
        len = 1;
        return c;
    }
    if (len == 1) return c;
    uint32_t cp = c & (0x3F >> (len - 1));
    for (int i = 1; i < len; ++i) cp = (cp << 6) | (u[i] & 0x3F);
    return cp;
}

// The start of the code point before p (p > begin).
const char* prev(const char* begin, const char* p) {
    do --p;
    while (p > begin && (static_cast<unsigned char>(*p) & 0xC0) == 0x80);
    return p;
}

bool blank(uint32_t cp) { return cp == ' ' || cp == '\t' || cp == 0x3000; }
bool middle_dot(uint32_t cp) { return cp == 0x00B7 || cp == 0x30FB || cp == 0x2022; }

// Whether a line may end just before `brk` and the next begin at brk (blanks skipped).
bool allowed(const char* line, const char* brk, const char* end) {
    const char* q = brk;
    int len = 0;
    while (q < end && blank(decode(q, end, len))) q += len;
    if (q < end && no_start(decode(q, end, len))) return false;
    const char* p = brk;
    while (p > line) {  // the last non-blank character of the line
        const char* b = prev(line, p);
        if (!blank(decode(b, end, len))) break;
        p = b;
    }
    if (p == line) return false;  // an empty line
    return !no_end(decode(prev(line, p), end, len));
}

}  // namespace

bool no_start(uint32_t cp) {
    switch (cp) {
        case 0x3002: case 0xFF0C: case 0x3001: case 0xFF1B: case 0xFF1A: case 0xFF1F: case 0xFF01:  // 。，、；：？！
        case 0x300D: case 0x300F: case 0xFF09: case 0x300B: case 0x3009: case 0x3011: case 0x3015:  // 」』）》〉】〕
        case 0x201D: case 0x2019: case 0xFF0E: case 0x2026: case 0x2025: case 0x30FC: case 0xFF5E:  // ”’．…‥ー～
        case 0x3005: case 0xFF3D: case 0xFF5D:                                                      // 々］｝
        case '.': case ',': case ';': case ':': case '?': case '!': case ')': case ']': case '}': case '%':
            return true;
        default:
            return false;
    }
}

bool no_end(uint32_t cp) {
    switch (cp) {
        case 0x300C: case 0x300E: case 0xFF08: case 0x300A: case 0x3008: case 0x3010: case 0x3014:  // 「『（《〈【〔
        case 0x201C: case 0x2018: case 0xFF3B: case 0xFF5B:                                          // “‘［｛
        case '(': case '[': case '{':
            return true;
        default:
            return middle_dot(cp);
    }
}

namespace {
bool g_recording = false;
std::vector<Break> g_breaks;
std::string cp_text(const char* p, const char* end) {
    int len = 0;
    decode(p, end, len);
    return std::string(p, static_cast<size_t>(len));
}
}  // namespace

void record(bool on) { g_recording = on; }
bool recording() { return g_recording; }
void begin_frame() { g_breaks.clear(); }
const std::vector<Break>& breaks() { return g_breaks; }

void note(const char* line, const char* brk, const char* end) {
    if (!g_recording || brk <= line || brk >= end || g_breaks.size() >= 4096) return;
    const char* q = brk;
    int len = 0;
    while (q < end && blank(decode(q, end, len))) q += len;
    const char* p = brk;
    while (p > line && blank(decode(prev(line, p), end, len))) p = prev(line, p);
    if (q >= end || p <= line) return;
    g_breaks.push_back({cp_text(prev(line, p), end), cp_text(q, end)});
}

std::string breaks_json() {
    auto quote = [](std::string& out, const std::string& s) {
        out += '"';
        for (char c : s) {
            if (c == '"' || c == '\\') out += '\\';
            if (static_cast<unsigned char>(c) >= 0x20) out += c;
        }
        out += '"';
    };
    std::string out = "[";
    for (const Break& b : g_breaks) {
        if (out.size() > 1) out += ',';
        out += "{\"before\":";
        quote(out, b.before);
        out += ",\"after\":";
        quote(out, b.after);
        out += '}';
    }
    return out + "]";
}

bool allowed_at(const char* line, const char* brk, const char* end) {
    return brk > line && brk < end && allowed(line, brk, end);
}

bool cjk(uint32_t cp) {
    return (cp >= 0x2E80 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) ||
           (cp >= 0xFF00 && cp <= 0xFFEF) || (cp >= 0x20000 && cp <= 0x2FFFF);
}

uint32_t decode_at(const char* p, const char* end, int& len) { return decode(p, end, len); }

const char* adjust(const char* line, const char* brk, const char* end) {
    if (brk <= line || brk >= end || allowed(line, brk, end)) return brk;
    const char* b = brk;
    for (int i = 0; i < 4 && b > line; ++i) {
        b = prev(line, b);
        if (b > line && allowed(line, b, end)) return b;
    }
    return brk;
}

}  // namespace zygc::ui::linebreak
