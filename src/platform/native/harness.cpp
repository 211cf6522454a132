#include "platform/native/harness.h"

#include <cstdio>

#include "imgui.h"
#include "ui/zoom.h"

namespace zygc::native {

Harness::Harness(const HarnessDesc& desc) {
    viewport.scale = desc.scale > 0 ? desc.scale : 1;
    viewport.width = desc.width * viewport.scale;
    viewport.height = desc.height * viewport.scale;
    viewport.safe_top = desc.safe_top * viewport.scale;
    viewport.safe_bottom = desc.safe_bottom * viewport.scale;
    viewport.now_ms = desc.now_ms;

    IMGUI_CHECKVERSION();
    ctx_ = ImGui::CreateContext();
    ui_ = ui::create_context();
    make_current();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.LogFilename = nullptr;
    io.DisplaySize = ImVec2(viewport.width, viewport.height);
    io.DeltaTime = 1.0f / 60.0f;
    for (int k = 0; k < ImGuiKey_COUNT; ++k) io.KeyMap[k] = k;  // KeysDown[] indexed by ImGuiKey

    build_font(false, 1);
    ui::apply_theme(viewport.scale);
}

// ImGui's built-in font at the app's size: layout is right, CJK glyphs render as '?'.
void Harness::build_font(bool care_mode, float zoom) {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    ImFontConfig cfg;
    cfg.SizePixels = ui::font_pixels(viewport.scale, care_mode, zoom);
    io.Fonts->AddFontDefault(&cfg);
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
    io.Fonts->SetTexID(reinterpret_cast<ImTextureID>(static_cast<intptr_t>(1)));
    font_care_ = care_mode;
    font_zoom_ = zoom;
}

Harness::~Harness() {
    ui::destroy_context(ui_);
    if (ctx_) ImGui::DestroyContext(ctx_);
}

// Everything below may follow another harness's frames: each call selects its own contexts.
void Harness::make_current() const {
    ImGui::SetCurrentContext(ctx_);
    ui::set_current_context(ui_);
}

void Harness::frame(int n) {
    make_current();
    for (int i = 0; i < n; ++i) {
        ImGuiIO& io = ImGui::GetIO();
        // zoom: at rest (no pinch under way), the font is rebuilt at the text zoom too.
        const float zoom = viewport.zoom_live > 0 ? font_zoom_ : ui::zoom_for(current().settings, viewport);
        if (current().settings.care_mode != font_care_ || zoom != font_zoom_) build_font(current().settings.care_mode, zoom);
        io.DisplaySize = ImVec2(viewport.width, viewport.height);
        io.DeltaTime = 1.0f / 60.0f;
        viewport.now_ms += 1000.0 / 60.0;
        ImGui::NewFrame();
        for (const ui::text_input::Edit& e : ime_edits_) ime_.apply(e);  // search typing
        ime_edits_.clear();
        sem::begin_frame();
        std::vector<Action> out;
        ui::draw(current(), viewport, out);
        sem::end_frame();
        ImGui::Render();
        io.MouseWheel = 0;
        io.MouseWheelH = 0;
        for (Action& a : out) {
            actions.push_back(a);
            if (dispatch) dispatch(a);
        }
    }
}

const std::vector<sem::Node>& Harness::nodes() const {
    make_current();
    return sem::last_frame();
}

const sem::Node* Harness::find(const std::string& label) const {
    make_current();
    for (const sem::Node& n : sem::last_frame())
        if (n.label == label) return &n;
    return nullptr;
}

const sem::Node* Harness::find(const std::string& label, sem::Role role) const {
    make_current();
    return sem::find(label, role);
}

const sem::Node* Harness::find_containing(const std::string& text) const {
    make_current();
    for (const sem::Node& n : sem::last_frame())
        if (n.label.find(text) != std::string::npos) return &n;
    return nullptr;
}

std::vector<std::string> Harness::labels(sem::Role role) const {
    make_current();
    std::vector<std::string> out;
    for (const sem::Node& n : sem::last_frame())
        if (n.role == role) out.push_back(n.label);
    return out;
}

size_t Harness::count(sem::Role role, uint32_t flags) const {
    make_current();
    size_t c = 0;
    for (const sem::Node& n : sem::last_frame())
        if (n.role == role && (n.flags & flags) == flags) ++c;
    return c;
}

std::string Harness::dump() const {
    make_current();
    std::string out;
    char buf[96];
    for (const sem::Node& n : sem::last_frame()) {
        out += sem::role_name(n.role);
        out += " \"" + n.label + "\"";
        std::snprintf(buf, sizeof buf, " [%.0f,%.0f %.0fx%.0f] flags=%u\n", n.x, n.y, n.w, n.h, n.flags);
        out += buf;
    }
    return out;
}

void Harness::tap_at(float x, float y) {
    make_current();
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = ImVec2(x, y);
    frame();
    io.MouseDown[0] = true;
    frame();
    io.MouseDown[0] = false;
    frame();
}

bool Harness::tap(const std::string& label) {
    const sem::Node* n = find(label);
    if (!n) return false;
    tap_at(n->x + n->w * 0.5f, n->y + n->h * 0.5f);
    return true;
}

bool Harness::tap(const std::string& label, sem::Role role) {
    const sem::Node* n = find(label, role);
    if (!n) return false;
    tap_at(n->x + n->w * 0.5f, n->y + n->h * 0.5f);
    return true;
}

void Harness::drag(float x0, float y0, float x1, float y1, int steps) {
    make_current();
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = ImVec2(x0, y0);
    frame();
    io.MouseDown[0] = true;
    frame();
    if (steps < 1) steps = 1;
    for (int i = 1; i <= steps; ++i) {
        const float t = static_cast<float>(i) / steps;
        io.MousePos = ImVec2(x0 + (x1 - x0) * t, y0 + (y1 - y0) * t);
        frame();
    }
    io.MouseDown[0] = false;
    frame();
}

void Harness::scroll(float lines) {
    make_current();
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = ImVec2(viewport.width * 0.5f, viewport.height * 0.5f);
    frame();  // hover first, as a real pointer would
    io.MouseWheel = -lines;
    frame();
    frame();  // scrolling applies on the next Begin
}

bool Harness::scroll_to(const std::string& label, int max_steps) {
    for (int i = 0; i < max_steps; ++i) {
        if (find(label)) return true;
        scroll(1);
    }
    return find(label) != nullptr;
}

void Harness::type(const std::string& utf8) {
    make_current();
    ImGui::GetIO().AddInputCharactersUTF8(utf8.c_str());
    frame();
}

void Harness::compose(const std::string& preedit) {
    ime_edits_.push_back({ui::text_input::Edit::Preedit, preedit});
    frame();
}

void Harness::commit(const std::string& text) {
    ime_edits_.push_back({ui::text_input::Edit::Commit, text});
    frame();
}

void Harness::backspace(int n) {
    make_current();
    ImGuiIO& io = ImGui::GetIO();
    for (int i = 0; i < n; ++i) {
        io.KeysDown[ImGuiKey_Backspace] = true;
        frame();
        io.KeysDown[ImGuiKey_Backspace] = false;
        frame();
    }
}

}  // namespace zygc::native
