// A headless stand-in for the web platform: an ImGui context with ImGui's default font and
// no renderer, its own UI context (ui/context.h: harnesses in one binary share nothing), a
// fixed viewport, and input fed by hand. Tests build a State (or point the
// harness at a Runtime's), run frames, and act on the UI by semantic label as a user would.
//
//   zygc::native::Harness h;          // 390×844 CSS px, scale 1
//   h.state.route = ...; h.frame();
//   h.tap("重试");                     // find by label, press and release on its centre
//   auto retries = h.actions_of<Retry>();
#pragma once
#include <functional>
#include <string>
#include <vector>

#include "core/store.h"
#include "ui/app.h"
#include "ui/semantics.h"
#include "ui/text_input.h"

struct ImGuiContext;

namespace zygc::native {

struct HarnessDesc {
    float width = 390, height = 844;  // CSS pixels
    float scale = 1;                  // devicePixelRatio
    float safe_top = 0, safe_bottom = 0;  // CSS pixels
    double now_ms = 1795838400000.0;      // the clock: 2026-11-28 12:00 in Qinhuangdao
};

class Harness {
public:
    explicit Harness(const HarnessDesc& desc = {});
    ~Harness();
    Harness(const Harness&) = delete;
    Harness& operator=(const Harness&) = delete;

    State state;                                   // drawn unless `source` is set
    const State* source = nullptr;                 // e.g. &runtime.state()
    std::function<void(const Action&)> dispatch;   // called with each action after its frame
    std::vector<Action> actions;                   // every action emitted, in order
    ui::Viewport viewport;                         // framebuffer pixels

    // NewFrame → sem::begin_frame → ui::draw → sem::end_frame → Render, n times.
    // Like the web platform, rebuilds the font at ui::font_pixels(scale, care_mode, zoom) when
    // 关怀版 or the text zoom at rest changes.
    void frame(int n = 1);
    void advance(double ms) { viewport.now_ms += ms; }  // the clock (countdowns)

    // Semantics of the last frame.
    const std::vector<sem::Node>& nodes() const;
    const sem::Node* find(const std::string& label) const;  // any role
    const sem::Node* find(const std::string& label, sem::Role role) const;
    const sem::Node* find_containing(const std::string& text) const;
    std::vector<std::string> labels(sem::Role role) const;
    size_t count(sem::Role role, uint32_t flags = 0) const;  // nodes with role and all flags
    std::string dump() const;  // one node a line: role, label, rect, flags (for failing tests)

    // Pointer input (framebuffer pixels). A tap is move, press, release, one frame each.
    bool tap(const std::string& label);  // false when no such node
    bool tap(const std::string& label, sem::Role role);
    void tap_at(float x, float y);
    void drag(float x0, float y0, float x1, float y1, int steps = 8);
    void scroll(float lines);                   // mouse wheel over the content area (+ = down)
    bool scroll_to(const std::string& label, int max_steps = 50);  // until the node is on screen

    // Keyboard into the active text field.
    void type(const std::string& utf8);  // one frame
    void backspace(int n = 1);
    // search typing: an IME composition in the active field, as the web platform feeds it
    // (one frame each): the uncommitted preedit, then the committed text.
    void compose(const std::string& preedit);
    void commit(const std::string& text);

    template <class A>
    std::vector<A> actions_of() const {
        std::vector<A> out;
        for (const Action& a : actions)
            if (const A* x = std::get_if<A>(&a)) out.push_back(*x);
        return out;
    }

private:
    const State& current() const { return source ? *source : state; }
    void make_current() const;  // this harness's ImGui and UI contexts
    void build_font(bool care_mode, float zoom);
    ImGuiContext* ctx_ = nullptr;
    ui::Context* ui_ = nullptr;
    bool font_care_ = false;
    float font_zoom_ = 1;
    ui::text_input::FieldEditor ime_;             // search typing
    std::vector<ui::text_input::Edit> ime_edits_;
};

}  // namespace zygc::native
