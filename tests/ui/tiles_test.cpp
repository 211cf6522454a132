// look (issue 10): stat tiles grow to their text, and a row of tiles is as tall as its tallest
// one. Found on the layout walk's contact sheet (en, 390 px): "Registered volunteers" wraps
// to two lines, its neighbour "Share of residents" does not, and the next row started under
// the shorter tile, so the taller one ran into it.
#include <catch2/catch.hpp>

#include <vector>

#include "fixtures.h"
#include "platform/native/harness.h"

using namespace zygc;
using sem::Role;

TEST_CASE("a row of stat tiles ends below its tallest tile", "[ui][home][look]") {
    native::HarnessDesc d;
    d.width = 430;  // the English label wraps with the harness's font, its neighbour does not
    native::Harness h(d);
    h.state = fixtures::home();
    h.state.settings.lang = "en";
    h.frame(3);
    const std::vector<sem::Node>& nodes = h.nodes();
    int tall = -1, next_row = -1;
    for (int i = 0; i < static_cast<int>(nodes.size()); ++i) {
        if (nodes[i].label == "Registered volunteers") tall = i;
        if (nodes[i].label == "Volunteer teams") next_row = i;
    }
    INFO(h.dump());
    REQUIRE(tall >= 0);
    REQUIRE(next_row > tall + 1);
    const sem::Node& label = nodes[tall];
    const sem::Node& value = nodes[tall + 1];  // the tile's figure, drawn right after its label
    const sem::Node* short_label = h.find("Share of residents", Role::Text);
    REQUIRE(short_label);
    REQUIRE(label.h > 1.5f * short_label->h);  // the precondition: it wraps, its neighbour does not
    // The next row's label: below the tall tile's figure, its bottom padding and its own top
    // padding (12 CSS px each, scale 1).
    CHECK(nodes[next_row].y >= value.y + value.h + 24 - 0.5f);
}
