// The IME composition state machine against a real (headless) ImGui text field.
#include <catch2/catch.hpp>

#include <string>

#include "imgui.h"
#include "ui/context.h"
#include "ui/semantics.h"
#include "ui/text_input.h"

using namespace zygc;
using ui::text_input::Composer;
using ui::text_input::Edit;
using ui::text_input::FieldEditor;

namespace {

struct FieldHarness {
    ImGuiContext* ctx;
    ui::Context* ui = ui::create_context();  // the semantics recorder lives in it
    char buf[128] = "";
    FieldEditor editor;
    std::vector<Edit> pending;
    FieldHarness() {
        ctx = ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = ImVec2(400, 800);
        for (int k = 0; k < ImGuiKey_COUNT; ++k) io.KeyMap[k] = k;
        io.Fonts->AddFontDefault();
        unsigned char* px;
        int w, h;
        io.Fonts->GetTexDataAsRGBA32(&px, &w, &h);
        io.Fonts->SetTexID((ImTextureID)(intptr_t)1);
    }
    ~FieldHarness() {
        ui::destroy_context(ui);
        ImGui::DestroyContext(ctx);
    }
    void frame(int n = 1) {
        for (int i = 0; i < n; ++i) {
            ImGui::GetIO().DeltaTime = 1 / 60.f;
            ImGui::NewFrame();
            for (const Edit& e : pending) editor.apply(e);
            pending.clear();
            sem::begin_frame();
            ImGui::SetNextWindowPos(ImVec2(0, 0));
            ImGui::SetNextWindowSize(ImVec2(400, 800));
            ImGui::Begin("screen", nullptr, ImGuiWindowFlags_NoDecoration);
            sem::set_next(sem::Role::Input);
            ImGui::InputText("search", buf, sizeof buf);
            ImGui::End();
            sem::end_frame();
            ImGui::Render();
        }
    }
    void focus() {
        const sem::Node* n = sem::find("search", sem::Role::Input);
        REQUIRE(n);
        ImGuiIO& io = ImGui::GetIO();
        io.MousePos = ImVec2(n->x + 5, n->y + n->h / 2);
        frame();
        io.MouseDown[0] = true;
        frame();
        io.MouseDown[0] = false;
        frame();
        REQUIRE((sem::find("search", sem::Role::Input)->flags & sem::Focused));
    }
    void key(ImGuiKey k, bool ctrl = false) {
        ImGuiIO& io = ImGui::GetIO();
        io.KeyCtrl = ctrl;
        io.KeysDown[k] = true;
        frame();
        io.KeysDown[k] = false;
        io.KeyCtrl = false;
        frame();
    }
};

}  // namespace

TEST_CASE("composer: events to edits", "[ui][text]") {
    Composer c;
    Edit e;
    CHECK(c.input("a", e));
    CHECK(e.kind == Edit::Commit);
    CHECK(e.text == "a");
    c.start();
    CHECK(c.composing());
    CHECK_FALSE(c.input("x", e));  // input events during composition carry the preedit: ignored
    e = c.update("xiao");
    CHECK(e.kind == Edit::Preedit);
    e = c.end("小");
    CHECK(e.kind == Edit::Commit);
    CHECK(e.text == "小");
    CHECK_FALSE(c.composing());
    CHECK_FALSE(c.input("", e));
}

TEST_CASE("the composition shows in the field and is replaced, then committed", "[ui][text]") {
    FieldHarness h;
    h.frame(2);
    h.focus();
    Composer c;
    Edit e;
    REQUIRE(c.input("ab", e));
    h.pending.push_back(e);
    h.frame();
    CHECK(std::string(h.buf) == "ab");

    c.start();
    h.pending.push_back(c.update("x"));
    h.frame();
    CHECK(std::string(h.buf) == "abx");
    h.pending.push_back(c.update("xiao"));
    h.frame();
    CHECK(std::string(h.buf) == "abxiao");
    CHECK(h.editor.preedit_length() == 4);
    h.pending.push_back(c.update("小候"));
    h.frame();
    CHECK(std::string(h.buf) == "ab小候");
    h.pending.push_back(c.end("小候鸟"));
    h.frame();
    CHECK(std::string(h.buf) == "ab小候鸟");
    CHECK(h.editor.preedit_length() == 0);

    // A cancelled composition leaves nothing behind.
    c.start();
    h.pending.push_back(c.update("hou"));
    h.frame();
    CHECK(std::string(h.buf) == "ab小候鸟hou");
    h.pending.push_back(c.cancel());
    h.frame();
    CHECK(std::string(h.buf) == "ab小候鸟");
}

TEST_CASE("backspace, cursor keys and select all with the composition machinery", "[ui][text]") {
    FieldHarness h;
    h.frame(2);
    h.focus();
    Composer c;
    c.start();
    h.pending.push_back(c.end("小候鸟"));
    h.frame();
    h.key(ImGuiKey_Backspace);
    CHECK(std::string(h.buf) == "小候");
    h.key(ImGuiKey_LeftArrow);
    c.start();
    h.pending.push_back(c.update("a"));
    h.frame();
    CHECK(std::string(h.buf) == "小a候");  // the preedit is at the cursor
    h.pending.push_back(c.end("鸟"));
    h.frame();
    CHECK(std::string(h.buf) == "小鸟候");
    CHECK(ui::text_input::selected_text().empty());
    h.key(ImGuiKey_A, true);  // select all
    CHECK(ui::text_input::selected_text() == "小鸟候");
    // Typing over a selection replaces it.
    Edit e;
    REQUIRE(c.input("x", e));
    h.pending.push_back(e);
    h.frame();
    CHECK(std::string(h.buf) == "x");
}

TEST_CASE("edits without an active field are dropped", "[ui][text]") {
    FieldHarness h;
    h.frame(2);
    Composer c;
    c.start();
    h.pending.push_back(c.update("xiao"));
    h.frame();
    CHECK(std::string(h.buf).empty());
    CHECK(h.editor.preedit_length() == 0);
}
