#include "core/utf8.h"

#include <cstring>

namespace zygc::utf8 {
namespace {
bool continuation(unsigned char c) { return (c & 0xC0) == 0x80; }
}  // namespace

size_t count(std::string_view s) {
    size_t n = 0;
    for (unsigned char c : s) n += !continuation(c);
    return n;
}

std::string_view truncate_bytes(std::string_view s, size_t max_bytes) {
    if (s.size() <= max_bytes) return s;
    size_t n = max_bytes;
    while (n > 0 && continuation(static_cast<unsigned char>(s[n]))) --n;
    return s.substr(0, n);
}

std::string_view truncate_chars(std::string_view s, size_t max_chars) {
    size_t chars = 0;
    for (size_t i = 0; i < s.size(); ++i) {
        if (!continuation(static_cast<unsigned char>(s[i])) && chars++ == max_chars) return s.substr(0, i);
    }
    return s;
}

void copy(char* dst, size_t cap, std::string_view src) {
    if (cap == 0) return;
    std::string_view cut = truncate_bytes(src, cap - 1);
    std::memcpy(dst, cut.data(), cut.size());
    dst[cut.size()] = 0;
}

uint32_t next(std::string_view s, size_t& i) {
    const unsigned char c = s[i++];
    size_t more = (c & 0xE0) == 0xC0 ? 1 : (c & 0xF0) == 0xE0 ? 2 : (c & 0xF8) == 0xF0 ? 3 : 0;
    uint32_t cp = more == 1 ? c & 0x1F : more == 2 ? c & 0x0F : more == 3 ? c & 0x07 : c;
    for (; more > 0 && i < s.size() && continuation(static_cast<unsigned char>(s[i])); --more, ++i)
        cp = (cp << 6) | (static_cast<unsigned char>(s[i]) & 0x3F);
    return cp;
}

bool valid(std::string_view s) {
    size_t i = 0;
    while (i < s.size()) {
        unsigned char c = s[i];
        size_t len;
        unsigned cp;
        if (c < 0x80) {
            ++i;
            continue;
        } else if ((c & 0xE0) == 0xC0) {
            len = 2, cp = c & 0x1F;
        } else if ((c & 0xF0) == 0xE0) {
            len = 3, cp = c & 0x0F;
        } else if ((c & 0xF8) == 0xF0) {
            len = 4, cp = c & 0x07;
        } else {
            return false;
        }
        if (i + len > s.size()) return false;
        for (size_t k = 1; k < len; ++k) {
            unsigned char cc = s[i + k];
            if (!continuation(cc)) return false;
            cp = (cp << 6) | (cc & 0x3F);
        }
        static const unsigned kMin[] = {0, 0, 0x80, 0x800, 0x10000};
        if (cp < kMin[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
        i += len;
    }
    return true;
}

void append(std::string& out, uint32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

}  // namespace zygc::utf8
