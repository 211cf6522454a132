// Checks of the English mode: whether a label still shows Chinese, and every string of loaded
// data (what users wrote may stay Chinese).
#pragma once
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

// CJK ideographs, kana, CJK and full-width punctuation (「」，。：).
inline bool cjk(char32_t c) {
    return (c >= 0x2E80 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) ||
           (c >= 0xFF00 && c <= 0xFFEF) || (c >= 0x20000 && c <= 0x3FFFF);
}

inline bool has_cjk(const std::string& s) {
    for (size_t i = 0; i < s.size();) {
        unsigned char b = s[i];
        int len = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
        char32_t c = len == 1 ? b : len == 2 ? (b & 0x1F) : len == 3 ? (b & 0x0F) : (b & 0x07);
        for (int k = 1; k < len && i + k < s.size(); ++k) c = (c << 6) | (s[i + k] & 0x3F);
        if (cjk(c)) return true;
        i += len;
    }
    return false;
}

// Every string in a JSON value, depth first.
inline void strings_of(const nlohmann::json& j, std::vector<std::string>& out) {
    if (j.is_string()) out.push_back(j.get<std::string>());
    if (j.is_structured())
        for (const auto& v : j) strings_of(v, out);
}
