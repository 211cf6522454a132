// JSON codecs for the model, on nlohmann_json's exception-free path: decode<T> (declared in
// decode.h, which the app's headers include instead of this), decode_json and the encoders.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "decode.h"
#include "model.h"

namespace zygc {

template <class T>
Decoded<T> decode_json(const nlohmann::json& j);  // same, from an already parsed value

// Explicitly provided for: std::vector<District>, CityStats, std::vector<Brand>, Brand,
// Team, Page<Team>, Project, Page<Project>, Problem, Me, Session, SmsCodeSent,
// VolunteerApplication, Signup, std::vector<Signup>, Page<Signup>, ProjectDraft.

// Encoders (the server uses these; round trips are tested).
nlohmann::json encode(const District&);
nlohmann::json encode(const DistrictStats&);
nlohmann::json encode(const CityStats&);
nlohmann::json encode(const BrandStat&);
nlohmann::json encode(const Site&);
nlohmann::json encode(const Shift&);
nlohmann::json encode(const Project&);  // lists omit description/shifts when empty
nlohmann::json encode(const Brand&);
nlohmann::json encode(const Team&);
nlohmann::json encode(const FieldError&);
nlohmann::json encode(const Problem&);
nlohmann::json encode(const TeamMembership&);
nlohmann::json encode(const VolunteerProfile&);
nlohmann::json encode(const Me&);
nlohmann::json encode(const Session&);
nlohmann::json encode(const SmsCodeSent&);
nlohmann::json encode(const VolunteerApplication&);
nlohmann::json encode(const Signup&);
nlohmann::json encode(const ShiftDraft&);
nlohmann::json encode(const ProjectDraft&);

template <class T>
nlohmann::json encode(const std::vector<T>& v) {
    nlohmann::json a = nlohmann::json::array();
    for (const auto& x : v) a.push_back(encode(x));
    return a;
}

template <class T>
nlohmann::json encode(const Page<T>& p) {
    return {{"items", encode(p.items)},
            {"next_cursor", p.next_cursor ? nlohmann::json(*p.next_cursor) : nlohmann::json()},
            {"total", p.total}};
}

}  // namespace zygc
