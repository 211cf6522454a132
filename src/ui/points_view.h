// Pieces the points screens share (issue 12): words for categories, causes and statuses,
// the pickup code in large digits with its QR, and a reward's line of figures.
#pragma once
#include <string>

#include "core/points_model.h"
#include "imgui.h"
#include "ui/strings.h"

namespace zygc::ui {

// The reward categories of the API, in the order the filter shows them.
constexpr const char* kRewardCategories[] = {"transit", "museum", "park", "shop", "service"};
const char* reward_category_word(const std::string& code);
// A ledger entry's cause in words (earn → 服务时长认定, …).
const char* points_cause_word(const std::string& reason);
const char* redemption_status_word(const std::string& status);
ImU32 redemption_status_color(const std::string& status);
// "+12 积分" / "−3 points".
std::string signed_points(int64_t points);
// "12月3日 周四 09:30" from RFC 3339 ("" when it is not one).
std::string date_time(const std::string& rfc3339);
// The 8-digit code large ("1234 5678"), recorded as a heading with the digits, and its QR.
void pickup_code(const Redemption& r);

}  // namespace zygc::ui
