// Settings: 关怀版 and the language, kept by the platform across visits. (The Settings
// struct itself is in request.h, because the SaveSettings effect carries it.)
#pragma once
#include "core/request.h"

namespace zygc {

struct State;

struct SettingsSlice {
    Settings settings;
};

struct SetSettings { Settings settings; };

namespace settings {
void update(State& s, const SetSettings& a, Effects& out);
}  // namespace settings

}  // namespace zygc
