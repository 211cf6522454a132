// The home screen's own glyphs are named by the page (shell/index.html, <meta name="zygc-glyphs">
// and "zygc-title-glyphs"), so that its shell can draw them while a first visit's wasm
// downloads (shell/zygc-shell.js; first-visit, issue 11). Its data's glyphs come from the first
// answers; what the screen says by itself, and its headings, must be in the page's lists.
#include <catch2/catch.hpp>

#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include "core/care_codec.h"
#include "core/codec.h"
#include "core/utf8.h"
#include "fixtures.h"
#include "platform/native/harness.h"

using namespace zygc;

namespace {

std::set<uint32_t> code_points(std::string_view s) {
    std::set<uint32_t> out;
    for (size_t i = 0; i < s.size();) out.insert(utf8::next(s, i));
    return out;
}

std::string page_meta(const std::string& name) {
    std::ifstream f(std::string(ZYGC_SOURCE_DIR) + "/shell/index.html");
    std::stringstream ss;
    ss << f.rdbuf();
    const std::string html = ss.str(), open = "<meta name=\"" + name + "\" content=\"";
    const size_t at = html.find(open);
    if (at == std::string::npos) return {};
    const size_t from = at + open.size();
    return html.substr(from, html.find('"', from) - from);
}

// What of `shown` the page's list misses, as UTF-8.
std::string missing(const std::set<uint32_t>& shown, const std::string& listed) {
    const std::set<uint32_t> have = code_points(listed);
    std::string out;
    for (uint32_t cp : shown) {
        if (cp < 0x20 || have.count(cp)) continue;
        utf8::append(out, cp);
    }
    return out;
}

}  // namespace

TEST_CASE("the page names the glyphs the home screen shows by itself", "[ui][home][first-visit]") {
    native::Harness h;
    h.state = fixtures::home();
    h.frame(2);
    // The answers' text, whose glyphs the shell takes from the answers themselves.
    std::string data = encode(h.state.stats.data()).dump() + encode(h.state.dashboard.data()).dump() +
                       encode(h.state.home_projects.data()).dump();
    for (const Brand& b : h.state.brands.data()) data += encode(b).dump();
    const std::set<uint32_t> from_data = code_points(data);
    std::set<uint32_t> body, title;
    for (const sem::Node& n : h.nodes()) {
        // Headings are drawn at their own size, which no answer's glyphs are drawn ahead at.
        for (uint32_t cp : code_points(n.label)) {
            if (n.role == sem::Role::Heading) title.insert(cp);
            else if (!from_data.count(cp)) body.insert(cp);
        }
    }
    REQUIRE(body.size() > 20);  // the screen's words were found
    INFO("add to shell/index.html's <meta name=\"zygc-glyphs\">: " << missing(body, page_meta("zygc-glyphs")));
    CHECK(missing(body, page_meta("zygc-glyphs")).empty());
    INFO("add to shell/index.html's <meta name=\"zygc-title-glyphs\">: " << missing(title, page_meta("zygc-title-glyphs")));
    CHECK(missing(title, page_meta("zygc-title-glyphs")).empty());
}
