// Where a project's site is (issue 10), in the publishing form: the chosen point with its
// district and coordinates; 使用当前位置 (LocateSite: the phone's location through the same
// Locate effect the check-in uses); 在地图上选择, a bottom sheet with a map of Qinhuangdao's
// districts drawn as vectors (core/city_map.h's outlines, no tiles) where a tap puts the pin;
// and under 高级 the latitude/longitude fields as a fallback.
#pragma once
#include <string>

#include "core/store.h"

namespace zygc::ui {

// Edits `d` (site.lat/lng, and district_id when none is chosen yet); true when it changed.
// `error`: the site.lat/site.lng error ("" none), shown under the chosen point.
bool location_picker(const State& state, ProjectDraft& d, const std::string& error);

// "海港区 · 39.93462, 119.63048" (the district from the map, by its API name; 秦皇岛市 when
// the point is in none); "" when no point is chosen (0, 0).
std::string place_summary(const State& state, double lat, double lng);

}  // namespace zygc::ui
