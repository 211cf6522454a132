// UTF-8 text to code points, for the glyph atlas: JSON's \uXXXX escapes are decoded too (API
// answers are JSON; surrogate pairs are joined), bytes that are not UTF-8 are skipped.
#pragma once
#include <cstdint>
#include <string_view>

namespace zygc::web {

template <class Fn>
void for_each_code_point(std::string_view s, Fn want) {
    const unsigned char* p = (const unsigned char*)s.data();
    const unsigned char* end = p + s.size();
    auto hex4 = [](const unsigned char* q, uint32_t& v) {
        v = 0;
        for (int i = 0; i < 4; ++i) {
            unsigned c = q[i];
            unsigned d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
                       : c >= 'A' && c <= 'F' ? c - 'A' + 10 : 99;
            if (d > 15) return false;
            v = v * 16 + d;
        }
        return true;
    };
    while (p < end) {
        unsigned c = *p;
        if (c < 0x80) {
            // JSON escapes: \uXXXX, with surrogate pairs.
            uint32_t v = 0, lo = 0;
            if (c == '\\' && end - p >= 6 && p[1] == 'u' && hex4(p + 2, v)) {
                p += 6;
                if (v >= 0xD800 && v < 0xDC00 && end - p >= 6 && p[0] == '\\' && p[1] == 'u' && hex4(p + 2, lo) &&
                    lo >= 0xDC00 && lo < 0xE000) {
                    v = 0x10000 + ((v - 0xD800) << 10) + (lo - 0xDC00);
                    p += 6;
                }
                want(v);
                continue;
            }
            want(c);
            ++p;
            continue;
        }
        int n = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : -1;
        if (n < 0 || end - p <= n) {
            ++p;
            continue;
        }
        uint32_t cp = c & (0x3F >> n);
        bool ok = true;
        for (int i = 1; i <= n; ++i) {
            if ((p[i] & 0xC0) != 0x80) ok = false;
            cp = (cp << 6) | (p[i] & 0x3F);
        }
        p += ok ? n + 1 : 1;
        if (ok) want(cp);
    }
}

}  // namespace zygc::web
