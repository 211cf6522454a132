#include <catch2/catch.hpp>

#include "core/idcard.h"

using namespace zygc;

namespace {
// Builds a valid number from 17 digits by appending the right check character.
std::string with_check(std::string first17) { return first17 + id_check_char(first17); }
const char* today = "20261128";
}  // namespace

TEST_CASE("GB 11643 check character", "[idcard]") {
    // Worked example from GB 11643-1999 annex: 11010519491231002X.
    CHECK(id_check_char("11010519491231002") == 'X');
    CHECK(check_id_number("11010519491231002X", today).ok);
}

TEST_CASE("ID numbers: valid, bad checksum, impossible date, length, lowercase x", "[idcard]") {
    std::string valid = with_check("13030219900101123");
    CHECK(check_id_number(valid, today).ok);

    std::string bad = valid;
    bad[17] = bad[17] == '0' ? '1' : '0';
    auto r = check_id_number(bad, today);
    CHECK_FALSE(r.ok);
    CHECK(r.error_code == "checksum");

    CHECK(check_id_number(with_check("13030219900230123"), today).error_code == "birth_date");  // 30 Feb
    CHECK(check_id_number(with_check("13030220270101123"), today).error_code == "birth_date");  // future
    CHECK(check_id_number(with_check("13030218991231123"), today).error_code == "birth_date");  // too old
    CHECK(check_id_number(with_check("13030220000229123"), today).ok);                          // leap day
    CHECK(check_id_number(with_check("13030219000229123"), today).error_code == "birth_date");  // 1900 no leap

    CHECK(check_id_number("1303021990010112", today).error_code == "length");
    CHECK(check_id_number(valid + "1", today).error_code == "length");
    CHECK(check_id_number("13030219900101A23X", today).error_code == "chars");
    CHECK(check_id_number(with_check("99030219900101123"), today).error_code == "region");

    auto lower = check_id_number("11010519491231002x", today);
    CHECK(lower.ok);
    CHECK(lower.normalized == "11010519491231002X");
    CHECK_FALSE(check_id_number("11010519491231002X", today).error.size());
}

TEST_CASE("masking never shows the middle", "[idcard]") {
    CHECK(mask_id_number("11010519491231002X") == "1101**********002X");
    CHECK(mask_phone("13800000001") == "138****0001");
    CHECK(valid_phone("13800000001"));
    CHECK_FALSE(valid_phone("12800000001"));
    CHECK_FALSE(valid_phone("1380000000"));
    CHECK_FALSE(valid_phone("1380000000a"));
}
