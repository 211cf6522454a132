#include "ui/location_picker.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "core/city_map.h"
#include "imgui.h"
#include "imgui_internal.h"
#include "ui/sheet.h"
#include "ui/strings.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace zygc::ui {

namespace {

namespace cm = city_map;

// The map sheet's state in the screen window's ImGui storage: open, the frame last drawn,
// the pin (degrees × 1e5, 0: none yet); and whether 高级 (the coordinate fields) is open.
const ImGuiID kOpen = ImHashStr("zygc.map.open"), kFrame = ImHashStr("zygc.map.frame"),
              kLat = ImHashStr("zygc.map.lat"), kLng = ImHashStr("zygc.map.lng"),
              kAdvanced = ImHashStr("zygc.map.advanced");

std::string number_text(double v) {
    if (v == 0) return "";
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.6f", v);
    std::string s = buf;
    while (!s.empty() && s.back() == '0') s.pop_back();
    if (!s.empty() && s.back() == '.') s.pop_back();
    return s;
}

const char* district_name(const State& state, Id id) {
    for (const District& x : state.districts.data())
        if (x.id == id) return x.name.c_str();
    return nullptr;
}

// The map's rect on screen for an area of `avail` × `max_h`: the frame's shape (a degree of
// longitude is cos(lat) of one of latitude), centred.
struct Frame {
    ImVec2 a, b;
    ImVec2 to_screen(double lat, double lng) const {
        return ImVec2(a.x + static_cast<float>((lng - cm::kWest) / (cm::kEast - cm::kWest)) * (b.x - a.x),
                      a.y + static_cast<float>((cm::kNorth - lat) / (cm::kNorth - cm::kSouth)) * (b.y - a.y));
    }
    cm::LatLng to_map(ImVec2 p) const {
        return {cm::kNorth - (p.y - a.y) / (b.y - a.y) * (cm::kNorth - cm::kSouth),
                cm::kWest + (p.x - a.x) / (b.x - a.x) * (cm::kEast - cm::kWest)};
    }
};

ImVec2 map_size(float avail, float max_h) {
    const double mid = (cm::kNorth + cm::kSouth) * 0.5 * IM_PI / 180;
    const float ratio = static_cast<float>((cm::kEast - cm::kWest) * std::cos(mid) / (cm::kNorth - cm::kSouth));
    float w = avail, h = w / ratio;
    if (h > max_h) h = max_h, w = h * ratio;
    return ImVec2(w, h);
}

// Draws the districts (a fan from each label point: the outlines are star-shaped around it),
// the names that fit, and the pin. `selected`: the pin's district (filled in the tint).
void draw_map(const State& state, const Frame& f, Id selected, bool pin, double lat, double lng) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(f.a, f.b, color::Surface, px(radius::Field));
    const float line = std::max(1.0f, px(1.2f));
    for (const cm::DistrictShape& d : cm::districts()) {
        const ImVec2 c = f.to_screen(d.label.lat, d.label.lng);
        const ImU32 fill = d.district_id == selected ? color::PrimarySoft : color::Background;
        const size_t n = d.outline.size();
        for (size_t i = 0; i < n; ++i) {
            const cm::LatLng& p = d.outline[i];
            const cm::LatLng& q = d.outline[(i + 1) % n];
            dl->AddTriangleFilled(c, f.to_screen(p.lat, p.lng), f.to_screen(q.lat, q.lng), fill);
        }
    }
    for (const cm::DistrictShape& d : cm::districts()) {  // borders over every fill
        const bool sel = d.district_id == selected;
        dl->PathClear();
        for (const cm::LatLng& p : d.outline) dl->PathLineTo(f.to_screen(p.lat, p.lng));
        dl->PathStroke(sel ? color::Primary : color::Border, ImDrawFlags_Closed, sel ? 2 * line : line);
    }
    for (const cm::DistrictShape& d : cm::districts()) {
        const char* name = district_name(state, d.district_id);
        if (!name) continue;
        float lo = 1e9f, hi = -1e9f;
        for (const cm::LatLng& p : d.outline) {
            const float x = f.to_screen(p.lat, p.lng).x;
            lo = std::min(lo, x), hi = std::max(hi, x);
        }
        const ImVec2 ts = ImGui::CalcTextSize(name);
        if (ts.x > (hi - lo) * 0.9f) continue;  // too small a district for its name
        const ImVec2 c = f.to_screen(d.label.lat, d.label.lng);
        dl->AddText(ImVec2(c.x - ts.x * 0.5f, c.y - ts.y * 0.5f), d.district_id == selected ? color::Text : color::Muted,
                    name);
    }
    if (pin) {
        const ImVec2 p = f.to_screen(lat, lng);
        const float r = px(9);
        dl->AddTriangleFilled(ImVec2(p.x - r * 0.75f, p.y - r * 1.6f), ImVec2(p.x + r * 0.75f, p.y - r * 1.6f), p,
                              color::Danger);
        dl->AddCircleFilled(ImVec2(p.x, p.y - r * 2), r, color::Danger, 24);
        dl->AddCircleFilled(ImVec2(p.x, p.y - r * 2), r * 0.4f, color::Background, 16);
    }
}

// The map sheet; true when 确定 was tapped (the point in lat/lng).
bool map_sheet(const State& state, ImGuiStorage* st, double& lat, double& lng) {
    if (!begin_sheet("##map_sheet")) return false;
    heading(tr(S::PickOnMap));
    text_muted(tr(S::MapHint));
    int ilat = st->GetInt(kLat), ilng = st->GetInt(kLng);

    const float avail = ImGui::GetContentRegionAvail().x;
    const ImVec2 size = map_size(avail, viewport().height * 0.45f);
    if (avail > size.x) ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (avail - size.x) * 0.5f);
    const bool pressed = ImGui::InvisibleButton("##map", size);
    sem_last(sem::Role::Button, tr(S::MapLabel));
    const Frame f{ImGui::GetItemRectMin(), ImGui::GetItemRectMax()};
    if (is_tap(pressed)) {
        const cm::LatLng p = f.to_map(ImGui::GetIO().MousePos);
        if (cm::in_frame(p.lat, p.lng)) {
            ilat = static_cast<int>(std::lround(p.lat * 1e5));
            ilng = static_cast<int>(std::lround(p.lng * 1e5));
            st->SetInt(kLat, ilat);
            st->SetInt(kLng, ilng);
        }
    }
    const bool pin = ilat != 0 && ilng != 0;
    const double qlat = ilat / 1e5, qlng = ilng / 1e5;
    if (ImGui::IsItemVisible()) draw_map(state, f, pin ? cm::district_at(qlat, qlng) : 0, pin, qlat, qlng);

    const std::string chosen = place_summary(state, qlat, qlng);
    if (pin) text(chosen);
    else text_muted(tr(S::NoLocationYet));

    spacing(space::M);
    const bool done = sheet_footer(!pin, st, kOpen) == 1;
    if (done) lat = qlat, lng = qlng;
    end_sheet();
    return done;
}

}  // namespace

std::string place_summary(const State& state, double lat, double lng) {
    if (lat == 0 && lng == 0) return "";
    const char* name = district_name(state, cm::district_at(lat, lng));
    char buf[200];
    std::snprintf(buf, sizeof buf, "%s · %.5f, %.5f", name ? name : tr(S::OutsideDistricts), lat, lng);
    return buf;
}

bool location_picker(const State& state, ProjectDraft& d, const std::string& error) {
    if (ImGui::GetCurrentWindow()->SkipItems) return false;
    ImGuiStorage* st = ImGui::GetStateStorage();
    const ProjectForm& f = state.publish;
    bool changed = false;
    auto set_point = [&](double lat, double lng) {
        d.site.lat = cm::round5(lat);
        d.site.lng = cm::round5(lng);
        if (d.district_id == 0) d.district_id = cm::district_at(lat, lng);
        changed = true;
    };

    ImGui::PushID("##location");
    text_muted(tr(S::SectionSiteLocation));
    const std::string where = place_summary(state, d.site.lat, d.site.lng);
    if (where.empty()) text_muted(tr(S::NoLocationYet));
    else text(where);
    text_alert(error);

    // 使用当前位置 and 在地图上选择, side by side when they fit.
    const char* here = tr(f.locating ? S::Locating : S::UseMyLocation);
    const std::string here_label = std::string(here) + "###here";
    if (secondary_button(here_label.c_str(), false, f.locating)) emit(LocateSite{});
    const char* map = tr(S::PickOnMap);
    flow(false, ImGui::CalcTextSize(map).x + 2 * px(20));
    const int frame = ImGui::GetFrameCount();
    if (secondary_button(map)) {
        st->SetInt(kOpen, 1);
        st->SetInt(kFrame, frame);
        st->SetInt(kLat, static_cast<int>(std::lround(d.site.lat * 1e5)));
        st->SetInt(kLng, static_cast<int>(std::lround(d.site.lng * 1e5)));
    }
    text_alert(say_if(f.locate_message));
    if (st->GetInt(kOpen)) {
        if (st->GetInt(kFrame) < frame - 1) {
            st->SetInt(kOpen, 0);  // closed by leaving the screen
        } else {
            st->SetInt(kFrame, frame);
            double lat = 0, lng = 0;
            if (map_sheet(state, st, lat, lng)) set_point(lat, lng);
        }
    }

    // 高级: the coordinates by hand (a surveyed point, a place the map cannot show well).
    const bool advanced = st->GetBool(kAdvanced);
    if (link(tr(advanced ? S::HideCoordinates : S::ShowCoordinates))) st->SetBool(kAdvanced, !advanced);
    if (advanced) {
        FieldOptions coord;
        coord.flags = ImGuiInputTextFlags_CharsDecimal;
        coord.capacity = 24;
        coord.kind = sem::InputKind::Decimal;
        std::string v;
        if (text_field(tr(S::LatLabel), "lat", number_text(d.site.lat), v, "", coord)) {
            d.site.lat = std::strtod(v.c_str(), nullptr);
            changed = true;
        }
        if (text_field(tr(S::LngLabel), "lng", number_text(d.site.lng), v, "", coord)) {
            d.site.lng = std::strtod(v.c_str(), nullptr);
            changed = true;
        }
    }
    ImGui::PopID();
    return changed;
}

}  // namespace zygc::ui
