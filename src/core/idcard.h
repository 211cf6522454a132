// Resident ID-card numbers (居民身份证号码, GB 11643-1999) and phone numbers:
// validation and masking, shared by the app (checks before sending) and the server.
#pragma once
#include <string>
#include <string_view>

namespace zygc {

struct IdCheck {
    bool ok = false;
    std::string normalized;  // 18 characters, check character upper-case
    std::string error;       // Chinese message for the form when !ok
    std::string error_code;  // "length" | "chars" | "region" | "birth_date" | "checksum"
};

// `today` is YYYYMMDD (birth dates after it are impossible); the caller supplies it so
// the function stays pure.
IdCheck check_id_number(std::string_view id, std::string_view today_yyyymmdd);

char id_check_char(std::string_view first17);  // '0'..'9' or 'X'

// "130302199001011234" → "1303**********1234"
std::string mask_id_number(std::string_view id);

// Mainland mobile numbers: 11 digits starting with 1[3-9].
bool valid_phone(std::string_view phone);
// "13800000001" → "138****0001"
std::string mask_phone(std::string_view phone);

}  // namespace zygc
