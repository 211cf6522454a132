#include "core/idcard.h"

#include "core/calendar.h"

namespace zygc {
namespace {

bool digits(std::string_view s) {
    for (char c : s)
        if (c < '0' || c > '9') return false;
    return true;
}

int num(std::string_view s) {
    int v = 0;
    for (char c : s) v = v * 10 + (c - '0');
    return v;
}

// First two digits: province-level division codes of GB/T 2260.
bool known_province(int p) {
    static const int codes[] = {11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42,
                                43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82};
    for (int c : codes)
        if (c == p) return true;
    return false;
}

IdCheck fail(const char* code, const char* message) {
    IdCheck r;
    r.error_code = code;
    r.error = message;
    return r;
}

}  // namespace

char id_check_char(std::string_view first17) {
    static const int weights[] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    static const char map[] = "10X98765432";
    int sum = 0;
    for (int i = 0; i < 17; ++i) sum += (first17[i] - '0') * weights[i];
    return map[sum % 11];
}

IdCheck check_id_number(std::string_view id, std::string_view today) {
    if (id.size() != 18) return fail("length", "身份证号码应为18位");
    std::string s(id);
    if (s[17] == 'x') s[17] = 'X';
    if (!digits(std::string_view(s).substr(0, 17)) || !(digits(s.substr(17)) || s[17] == 'X'))
        return fail("chars", "身份证号码只能包含数字，最后一位可以是X");
    if (!known_province(num(s.substr(0, 2)))) return fail("region", "身份证号码的地区码无效");
    int y = num(s.substr(6, 4)), m = num(s.substr(10, 2)), d = num(s.substr(12, 2));
    if (y < 1900 || !valid_date(y, m, d) || s.substr(6, 8) > std::string(today))
        return fail("birth_date", "身份证号码中的出生日期无效");
    if (id_check_char(s) != s[17]) return fail("checksum", "身份证号码校验位不正确，请核对");
    IdCheck ok;
    ok.ok = true;
    ok.normalized = std::move(s);
    return ok;
}

std::string mask_id_number(std::string_view id) {
    if (id.size() < 8) return std::string(id.size(), '*');
    return std::string(id.substr(0, 4)) + std::string(id.size() - 8, '*') + std::string(id.substr(id.size() - 4));
}

bool valid_phone(std::string_view p) {
    return p.size() == 11 && digits(p) && p[0] == '1' && p[1] >= '3' && p[1] <= '9';
}

std::string mask_phone(std::string_view p) {
    if (p.size() != 11) return std::string(p.size(), '*');
    return std::string(p.substr(0, 3)) + "****" + std::string(p.substr(7));
}

}  // namespace zygc
