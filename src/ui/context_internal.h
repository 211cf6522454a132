// The fields of the UI context (ui/context.h), for src/ui's own .cpp files, as Dear ImGui
// keeps ImGuiContext in imgui_internal.h. Everything here was a file-scope global of the file
// named above its group; each file reads and writes only its own group, through context().
#pragma once
#include <cstdint>
#include <unordered_map>
#include <vector>

#include "imgui.h"
#include "imgui_internal.h"
#include "core/store.h"
#include "ui/context.h"
#include "ui/semantics.h"
#include "ui/strings.h"
#include "ui/virtual_list.h"  // frame (issue 11)

namespace zygc::sem {

// Role and flags set for the next item the test-engine hooks see.
struct Pending {
    bool has_role = false;
    Role role = Role::Button;
    uint32_t flags = 0;
};

struct Recorder {
    std::vector<Node> building;  // this frame's tree, as the hooks see items: its first
    size_t used = 0;             // `used` nodes (the rest keep their label buffers for reuse)
    std::vector<Node> last;      // the last frame's tree
    uint64_t version = 0;        // bumped when `last` changes
    Pending next;
    // The rect of the item ImGui registered last; ItemInfo arrives right after ItemAdd.
    ImGuiID added_id = 0;
    ImRect added_bb;
    // zoom: the item followed by id (sem::watch), as this frame and the last one laid it out
    // (id 0: not laid out).
    uint32_t watch_id = 0;
    Node watch_building, watch_last;
};

}  // namespace zygc::sem

namespace zygc::ui {

// A text field's edit buffer: while the field is being edited it is the truth.
struct FieldBuffer {
    std::vector<char> text;
    int active_frame = -10;
};

// A card being laid out (begin_card()); the panel keeps one across begin/end_panel().
struct CardScope {
    ImVec2 p0;
    float w = 0;
};

struct Context {
    // strings.cpp: the language tr() answers in (state.settings.lang, set by draw()).
    Lang lang = Lang::Zh;

    // theme.cpp
    float scale = 1;        // devicePixelRatio
    bool care = false;      // 关怀版
    float styled_for = -1;  // scale × zoom the ImGui style was last built for
    float zoom = 1;         // zoom: the text zoom in effect (1–2), on top of 关怀版

    // widgets.cpp
    std::vector<Action>* out = nullptr;  // where emit() appends, during draw() only
    Viewport viewport;                   // of the frame being drawn
    std::unordered_map<ImGuiID, FieldBuffer> fields;  // text_field()s by ImGui id
    CardScope panel;
    bool in_panel = false;

    // app.cpp: a detail screen starts at the top whenever the route changes.
    Route last_route;
    bool first_frame = true;

    // screens.cpp: the sign-up whose 取消报名 asks for confirmation.
    Id confirm_cancel = 0;

    // screen_projects.cpp: the search field's text. While the field is being edited it is
    // the truth; otherwise it follows state.query.q (which can change by navigation).
    char search[256] = "";
    bool search_active = false;  // the field was active in frame search_frame
    int search_frame = -1;

    // semantics.cpp
    sem::Recorder semantics;

    // text_input.cpp (search typing): the field holding an uncommitted IME preedit (0: none).
    ImGuiID preedit_field = 0;
    // The field whose composition was committed (or cancelled) in frame `committed_frame`: the
    // committed text is often the last preedit, so the field itself reports no edit then.
    ImGuiID committed_field = 0;
    int committed_frame = -1;

    // screen_project.cpp (sign-up flow): the shift whose 报名须知 sheet is open (0: none).
    Id signup_sheet = 0;
    // screen_team.cpp (leave team): the team whose 退出队伍 asks for confirmation (0: none).
    Id confirm_leave = 0;

    // app.cpp, zoom: the content point kept under the fingers while the zoom changes — the
    // semantics node under the focus when it began and where in it (0–1) the focus was.
    struct ZoomAnchor {
        uint32_t id = 0;
        float fx = 0, fy = 0;      // the focus, framebuffer px
        float at_x = 0, at_y = 0;  // the focus's place in the node, 0–1
        int settle = 0;            // frames left to follow it after the zoom stopped changing
        float last_zoom = 0;       // the zoom the last frame was drawn at
        float scroll = 0, top = 0; // the screen's scroll and top in the last frame
        int glyphs = 0;            // glyphs in the fonts when it was last followed
        int reflows = 0;           // times glyphs came after the zoom stopped changing
    } zoom_anchor;

    // virtual_list.cpp (issue 11, the frame): each long list's kept row heights, by its id.
    struct RowHeights {
        std::vector<float> height;  // each row's, CSS px at the zoom in effect
        std::vector<double> tree;   // Fenwick tree over `height`: prefix sums in O(log n)
        double sum = 0;             // of `height`
    };
    std::unordered_map<ImGuiID, RowHeights> row_heights;
    RowStats last_rows;

    // sheet.cpp, images (issue 10): where the open sheet's semantics nodes begin this frame.
    size_t sheet_nodes_from = 0;
};

// The current context. There must be one (the platform or the harness made it current).
Context& context();

}  // namespace zygc::ui
