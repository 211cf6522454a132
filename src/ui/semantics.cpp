#include "ui/semantics.h"

#include <cstdio>
#include <string_view>

#include "imgui.h"
#include "imgui_internal.h"
#include "ui/context_internal.h"

namespace zygc::sem {
namespace {

// The recorder of the current UI context (its fields: ui/context_internal.h).
Recorder& rec() { return ui::context().semantics; }

// The visible part of an ImGui label: up to "##".
std::string_view strip_id(const char* label) {
    std::string_view s = label ? label : "";
    return s.substr(0, s.find("##"));
}

Role infer_role(ImGuiItemStatusFlags f) {
    if (f & ImGuiItemStatusFlags_Checkable) return Role::Checkbox;
    return Role::Button;
}

bool same(const Node& a, const Node& b) {
    return a.id == b.id && a.role == b.role && a.label == b.label && a.x == b.x && a.y == b.y &&
           a.w == b.w && a.h == b.h && a.flags == b.flags &&
           a.whole_y == b.whole_y && a.whole_h == b.whole_h;
}

void json_escape(std::string& out, const std::string& s) {
    for (unsigned char c : s) {
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            default:
                if (c < 0x20) {
                    char buf[8];
                    std::snprintf(buf, sizeof buf, "\\u%04x", c);
                    out += buf;
                } else {
                    out += static_cast<char>(c);
                }
        }
    }
}

}  // namespace

const char* role_name(Role r) {
    switch (r) {
        case Role::Window: return "window";
        case Role::Button: return "button";
        case Role::Text: return "text";
        case Role::Heading: return "heading";
        case Role::Input: return "input";
        case Role::Checkbox: return "checkbox";
        case Role::Tab: return "tab";
        case Role::Link: return "link";
        case Role::ListItem: return "list-item";
        case Role::Image: return "image";
    }
    return "button";
}

void set_next(Role role, uint32_t flags) { rec().next = {true, role, flags}; }

void add_last_item(Role role, const char* label, uint32_t flags) {
    ImGuiContext& g = *GImGui;
    ImGuiID id = ImGui::GetID(label);
    set_next(role, flags);
    IMGUI_TEST_ENGINE_ITEM_ADD(g.LastItemData.Rect, id);
    IMGUI_TEST_ENGINE_ITEM_INFO(id, label, 0);
}

void add_rect(Role role, const char* label, float x, float y, float w, float h, uint32_t flags) {
    std::string_view text = strip_id(label);
    if (text.empty() || w <= 0 || h <= 0) return;
    Recorder& r = rec();
    if (r.used == r.building.size()) r.building.emplace_back();
    Node& n = r.building[r.used++];  // reused with its label buffer
    n.id = ImGui::GetID(label);
    n.role = role;
    n.label.assign(text);
    n.x = x;
    n.y = y;
    n.w = w;
    n.h = h;
    n.whole_y = y;
    n.whole_h = h;
    n.flags = flags;
}

size_t recorded() { return rec().used; }

void flag_since(size_t from, uint32_t flags) {
    Recorder& r = rec();
    for (size_t i = from; i < r.used; ++i) r.building[i].flags |= flags;
}

void begin_frame() {
    GImGui->TestEngineHookItems = true;
    rec().used = 0;  // the nodes stay, with their label buffers: a steady frame allocates nothing
    rec().next = {};
    rec().watch_building = {};
}

void end_frame() {
    Recorder& r = rec();
    bool changed = r.used != r.last.size();
    for (size_t i = 0; !changed && i < r.used; ++i) changed = !same(r.building[i], r.last[i]);
    if (changed) {
        // Copied node by node: a label's buffer is reused when it is big enough.
        r.last.resize(r.used);
        for (size_t i = 0; i < r.used; ++i) r.last[i] = r.building[i];
        ++r.version;
    }
    r.used = 0;
    r.watch_last = r.watch_building;  // zoom
    r.watch_building = {};
}

const std::vector<Node>& last_frame() { return rec().last; }
uint64_t frame_version() { return rec().version; }

void watch(uint32_t id) {
    Recorder& r = rec();
    if (r.watch_id == id) return;
    r.watch_id = id;
    r.watch_building = {};
    r.watch_last = {};
}

const Node* watched() {
    const Recorder& r = rec();
    if (!r.watch_id) return nullptr;
    if (r.watch_last.id == r.watch_id) return &r.watch_last;
    for (const Node& n : r.last)  // watched since this frame: the last frame's tree has it if visible
        if (n.id == r.watch_id) return &n;
    return nullptr;
}

std::string to_json(float scale) {
    if (scale <= 0) scale = 1;
    std::string out = "[";
    char num[160];
    const std::vector<Node>& last = rec().last;
    for (size_t i = 0; i < last.size(); ++i) {
        const Node& n = last[i];
        if (i) out += ',';
        std::snprintf(num, sizeof num, "{\"id\":%u,\"role\":\"%s\",\"label\":\"", n.id, role_name(n.role));
        out += num;
        json_escape(out, n.label);
        std::snprintf(num, sizeof num, "\",\"x\":%.1f,\"y\":%.1f,\"w\":%.1f,\"h\":%.1f,\"flags\":%u}",
                      n.x / scale, n.y / scale, n.w / scale, n.h / scale, n.flags);
        out += num;
    }
    out += ']';
    return out;
}

const Node* find(const std::string& label, Role role) {
    for (const Node& n : rec().last)
        if (n.role == role && n.label == label) return &n;
    return nullptr;
}

const Node* find_containing(const std::string& text, Role role) {
    for (const Node& n : rec().last)
        if (n.role == role && n.label.find(text) != std::string::npos) return &n;
    return nullptr;
}

}  // namespace zygc::sem

// ---- Dear ImGui's test-engine hooks ----
// ImGui calls them only for a context sem::begin_frame() turned them on for; they record into
// the current UI context (none current: nothing to record into).

void ImGuiTestEngineHook_ItemAdd(ImGuiContext*, const ImRect& bb, ImGuiID id) {
    zygc::ui::Context* ui = zygc::ui::current_context();
    if (!ui) return;
    ui->semantics.added_id = id;
    ui->semantics.added_bb = bb;
}

void ImGuiTestEngineHook_ItemInfo(ImGuiContext* ctx, ImGuiID id, const char* label, ImGuiItemStatusFlags flags) {
    using namespace zygc::sem;
    zygc::ui::Context* ui = zygc::ui::current_context();
    if (!ui) return;
    Recorder& recorder = ui->semantics;
    Pending next = recorder.next;
    recorder.next = {};
    if (id != recorder.added_id) return;
    const std::string_view text = strip_id(label);
    if (text.empty()) return;
    // Only the part inside the window's clip rect is on screen.
    ImRect r = recorder.added_bb;
    if (ctx->CurrentWindow) r.ClipWithFull(ctx->CurrentWindow->ClipRect);
    const bool watched = id == recorder.watch_id && !recorder.watch_building.id;  // zoom: followed even when hidden
    const bool visible = r.GetWidth() > 0 && r.GetHeight() > 0;
    if (!watched && !visible) return;
    // The next node of the tree, reusing the one (and its label buffer) from frames before.
    if (recorder.used == recorder.building.size()) recorder.building.emplace_back();
    Node& n = recorder.building[recorder.used];
    n.id = id;
    n.role = next.has_role ? next.role : infer_role(flags);
    n.label.assign(text.data(), text.size());
    n.whole_y = recorder.added_bb.Min.y;
    n.whole_h = recorder.added_bb.GetHeight();
    n.x = n.y = n.w = n.h = 0;
    n.flags = 0;
    if (watched) {
        recorder.watch_building = n;
        recorder.watch_building.x = r.Min.x;
        recorder.watch_building.y = r.Min.y;
        recorder.watch_building.w = ImMax(r.GetWidth(), 0.0f);
        recorder.watch_building.h = ImMax(r.GetHeight(), 0.0f);
    }
    if (!visible) return;
    ++recorder.used;
    n.x = r.Min.x;
    n.y = r.Min.y;
    n.w = r.GetWidth();
    n.h = r.GetHeight();
    n.flags = next.flags;
    if (flags & ImGuiItemStatusFlags_Checked) n.flags |= Checked;
    if (ctx->ActiveId == id && n.role == Role::Input) n.flags |= Focused;
}

void ImGuiTestEngineHook_Log(ImGuiContext*, const char*, ...) {}

const char* ImGuiTestEngine_FindItemDebugLabel(ImGuiContext*, ImGuiID id) {
    zygc::ui::Context* ui = zygc::ui::current_context();
    if (!ui) return nullptr;
    for (const auto& n : ui->semantics.last)
        if (n.id == id) return n.label.c_str();
    return nullptr;
}
