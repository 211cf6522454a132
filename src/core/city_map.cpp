#include "core/city_map.h"

#include <cmath>

namespace zygc::city_map {
namespace {

// Outlines, schematic (tens of vertices for the whole city): close enough that a point in a
// town lands in its district; the coast is the southern edge. {lat, lng}.
constexpr LatLng kQinglong[] = {{40.30, 118.55}, {40.52, 118.72}, {40.62, 118.90}, {40.58, 119.20},
                                {40.40, 119.35}, {40.22, 119.20}, {40.15, 118.90}, {40.12, 118.70}};
constexpr LatLng kLulong[] = {{40.12, 118.70}, {40.15, 118.90}, {40.05, 119.05}, {39.80, 119.05},
                              {39.70, 118.88}, {39.80, 118.72}, {39.98, 118.62}};
constexpr LatLng kFuning[] = {{40.15, 118.90}, {40.22, 119.20}, {40.15, 119.35}, {39.98, 119.42},
                              {39.87, 119.40}, {39.82, 119.22}, {39.80, 119.05}, {40.05, 119.05}};
constexpr LatLng kChangli[] = {{39.70, 118.88}, {39.80, 119.05}, {39.82, 119.22}, {39.72, 119.30},
                               {39.50, 119.20}, {39.40, 119.05}, {39.50, 118.95}};
constexpr LatLng kHaigang[] = {{40.22, 119.20}, {40.40, 119.35}, {40.42, 119.58}, {40.18, 119.70},
                               {40.02, 119.72}, {39.92, 119.64}, {39.88, 119.53}, {39.98, 119.42},
                               {40.15, 119.35}};
constexpr LatLng kShanhaiguan[] = {{40.14, 119.70}, {40.10, 119.84}, {40.00, 119.87}, {39.94, 119.78},
                                   {39.95, 119.69}};
constexpr LatLng kBeidaihe[] = {{39.87, 119.40}, {39.88, 119.53}, {39.83, 119.56}, {39.78, 119.48},
                                {39.80, 119.38}};
constexpr LatLng kNewArea[] = {{39.82, 119.30}, {39.80, 119.40}, {39.66, 119.38}, {39.52, 119.25},
                               {39.42, 119.12}, {39.45, 119.08}, {39.58, 119.18}, {39.70, 119.26}};
constexpr LatLng kDevZone[] = {{39.97, 119.47}, {39.975, 119.54}, {39.915, 119.556}, {39.905, 119.50},
                               {39.93, 119.46}};

constexpr DistrictShape kShapes[] = {
    {5, kQinglong, {40.38, 118.98}},    // 青龙满族自治县
    {7, kLulong, {39.92, 118.86}},      // 卢龙县
    {4, kFuning, {40.02, 119.20}},      // 抚宁区
    {6, kChangli, {39.64, 119.08}},     // 昌黎县
    {1, kHaigang, {40.16, 119.50}},     // 海港区
    {2, kShanhaiguan, {40.05, 119.78}}, // 山海关区
    {3, kBeidaihe, {39.83, 119.47}},    // 北戴河区
    {9, kNewArea, {39.60, 119.22}},     // 北戴河新区
    {8, kDevZone, {39.95, 119.53}},     // 秦皇岛经济技术开发区
};

bool inside(std::span<const LatLng> poly, double lat, double lng) {
    bool in = false;
    for (size_t i = 0, j = poly.size() - 1; i < poly.size(); j = i++) {
        const LatLng& a = poly[i];
        const LatLng& b = poly[j];
        if ((a.lat > lat) != (b.lat > lat) && lng < (b.lng - a.lng) * (lat - a.lat) / (b.lat - a.lat) + a.lng)
            in = !in;
    }
    return in;
}

}  // namespace

std::span<const DistrictShape> districts() { return kShapes; }

bool in_frame(double lat, double lng) { return lat >= kSouth && lat <= kNorth && lng >= kWest && lng <= kEast; }

Id district_at(double lat, double lng) {
    for (size_t i = std::size(kShapes); i-- > 0;)  // the small ones (drawn last) first
        if (inside(kShapes[i].outline, lat, lng)) return kShapes[i].district_id;
    return 0;
}

const DistrictShape* shape_of(Id district_id) {
    for (const DistrictShape& s : kShapes)
        if (s.district_id == district_id) return &s;
    return nullptr;
}

double round5(double degrees) { return std::round(degrees * 1e5) / 1e5; }

}  // namespace zygc::city_map
