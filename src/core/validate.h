// Checks shared by the app (before sending, so the user sees the problem at once) and the
// server (which checks again and answers 422 with the same field codes). Pure functions.
// Each FieldError carries a stable `code` (the UI words it in the user's language) and the
// Chinese `message` the server sends as problem+json `errors[].message`.
#pragma once
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "core/idcard.h"  // check_id_number, valid_phone: the ID-card and phone rules
#include "core/model.h"

namespace zygc {

// 实名注册. `today` is YYYYMMDD (birth dates after it are impossible). Empty: fine.
std::vector<FieldError> check_registration(const VolunteerApplication& app, std::string_view today);
// A project to publish or edit. Empty: fine.
std::vector<FieldError> check_draft(const ProjectDraft& draft);
// The login form's one-time code: six digits.
bool valid_sms_code(std::string_view code);

// A required text left empty or only spaces, tabs and line ends.
bool blank(std::string_view s);
// A whole number as typed (spaces around allowed); nullopt otherwise.
std::optional<int64_t> parse_int(std::string_view text);
// A field's error by its code and params (the app words it; the server adds its message).
FieldError field_error(const char* field, const char* code, Params params = {});

}  // namespace zygc
