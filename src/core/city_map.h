// Qinhuangdao on a page: a schematic outline of each district (a few vertices, drawn by hand
// from the public administrative map — no downloaded data), the district a point falls in,
// and the bounds a project's site may have. The publishing form's location picker draws it
// (ui/location_picker) and the store uses it to name the district of a located point.
// Coordinates are WGS-84 degrees as the browser's geolocation reports them.
#pragma once
#include <cstddef>
#include <span>

#include "core/model.h"

namespace zygc::city_map {

struct LatLng {
    double lat = 0, lng = 0;
};

struct DistrictShape {
    Id district_id = 0;           // the API's district id (GET /districts)
    std::span<const LatLng> outline;  // closed polygon, in order
    LatLng label;                 // where its name sits
};

// Every district, drawn larger first (the small ones inside them on top).
std::span<const DistrictShape> districts();

// The map's frame (a little larger than the city) — inside the server's check (validate.cpp:
// lat 39–41, lng 118–120.5), so any point picked on the map is a valid site.
constexpr double kSouth = 39.30, kNorth = 40.70, kWest = 118.45, kEast = 119.95;

bool in_frame(double lat, double lng);
// The district under a point (the small districts win over the large ones around them); 0: none.
Id district_at(double lat, double lng);
const DistrictShape* shape_of(Id district_id);
// Rounded to 5 decimals (about a metre): what the form keeps and sends.
double round5(double degrees);

}  // namespace zygc::city_map
