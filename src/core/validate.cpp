#include "core/validate.h"

#include <charconv>

#include "core/decode.h"  // find_category
#include "core/utf8.h"

namespace zygc {

std::vector<FieldError> check_registration(const VolunteerApplication& app, std::string_view today) {
    std::vector<FieldError> e;
    size_t name_chars = utf8::count(app.real_name);
    if (name_chars < 2 || name_chars > 30) e.push_back({"real_name", "请填写与身份证一致的姓名", "real_name_invalid", {}});
    IdCheck id = check_id_number(app.id_number, today);
    if (!id.ok) e.push_back({"id_number", id.error, "id_" + id.error_code, {}});
    if (app.district_id <= 0) e.push_back({"district_id", "请选择所在区县", "district_required", {}});
    if (!app.consent) e.push_back({"consent", "需要你同意处理敏感个人信息后才能注册", "consent_required", {}});
    return e;
}

std::vector<FieldError> check_draft(const ProjectDraft& d) {
    std::vector<FieldError> e;
    size_t title_chars = utf8::count(d.title);
    if (d.team_id <= 0) e.push_back({"team_id", "请选择发布队伍", "team_required", {}});
    if (title_chars < 4 || title_chars > 60) e.push_back({"title", "标题需要4到60个字", "title_length", {}});
    if (d.description.empty()) e.push_back({"description", "请填写项目介绍", "description_required", {}});
    if (!find_category(d.category)) e.push_back({"category", "请选择服务类别", "category_required", {}});
    if (d.district_id <= 0) e.push_back({"district_id", "请选择区县", "district_required", {}});
    if (d.site.name.empty()) e.push_back({"site.name", "请填写服务地点", "site_name_required", {}});
    if (d.site.lat < 39.0 || d.site.lat > 41.0 || d.site.lng < 118.0 || d.site.lng > 120.5)
        e.push_back({"site.lat", "坐标不在秦皇岛市范围内", "site_outside_city", {}});
    if (d.site.radius_m < 50 || d.site.radius_m > 5000)
        e.push_back({"site.radius_m", "签到半径需在50到5000米之间", "radius_range", {}});
    if (d.shifts.empty()) e.push_back({"shifts", "至少需要一个班次", "shifts_required", {}});
    for (size_t i = 0; i < d.shifts.size(); ++i) {
        const ShiftDraft& sh = d.shifts[i];
        std::string at = "shifts[" + std::to_string(i) + "]";
        if (sh.start.size() < 16) e.push_back({at + ".start", "请填写开始时间", "start_required", {}});
        else if (sh.end <= sh.start) e.push_back({at + ".end", "结束时间需晚于开始时间", "end_before_start", {}});
        if (sh.capacity < 1 || sh.capacity > 1000)
            e.push_back({at + ".capacity", "名额需在1到1000之间", "capacity_range", {}});
    }
    return e;
}

bool blank(std::string_view s) { return s.find_first_not_of(" \t\r\n") == std::string_view::npos; }

std::optional<int64_t> parse_int(std::string_view text) {
    size_t b = text.find_first_not_of(' '), e = text.find_last_not_of(' ');
    if (b == std::string_view::npos) return std::nullopt;
    int64_t v = 0;
    auto [p, ec] = std::from_chars(text.data() + b, text.data() + e + 1, v);
    if (ec != std::errc() || p != text.data() + e + 1) return std::nullopt;
    return v;
}

FieldError field_error(const char* field, const char* code, Params params) {
    FieldError e;
    e.field = field;
    e.code = code;
    e.params = std::move(params);
    return e;
}

bool valid_sms_code(std::string_view code) {
    if (code.size() != 6) return false;
    for (char c : code)
        if (c < '0' || c > '9') return false;
    return true;
}

}  // namespace zygc
