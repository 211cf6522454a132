// Settings: 关怀版, the language and the text zoom, kept by the platform across visits. (The Settings
// struct itself is in request.h, because the SaveSettings effect carries it.)
#pragma once
#include "core/request.h"

namespace zygc {

struct State;

struct SettingsSlice {
    Settings settings;
};

struct SetSettings { Settings settings; };
// The platform could not load a language's words (the web app fetches English on demand):
// back to Chinese, saved, with a notice.
struct LanguageUnavailable { std::string lang; };

namespace settings {
// zoom: the user's text zoom range (Settings::zoom), and the level a value is kept to
// (0 stays 0: "follow the host"; anything else is clamped into range, on a 1 % step).
constexpr float kZoomMin = 1.0f, kZoomMax = 2.0f;
float clamp_zoom(float z);
void update(State& s, const SetSettings& a, Effects& out);
void update(State& s, const LanguageUnavailable& a, Effects& out);
}  // namespace settings

}  // namespace zygc
