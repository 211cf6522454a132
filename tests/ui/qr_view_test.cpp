// ui::draw_qr against a real (headless) ImGui frame: the rects it adds to the draw list,
// painted into a picture, decode back to the text (the scanner's reader), every edge sits
// on a whole pixel, the quiet zone is white, and the semantics tree has the image "QR".
#include <catch2/catch.hpp>

#include <cmath>
#include <string>
#include <vector>

#include "core/qr.h"
#include "imgui.h"
#include "scanner/decode.h"
#include "ui/context.h"
#include "ui/qr_view.h"
#include "ui/semantics.h"

using namespace zygc;

namespace {

struct Painted {
    int w = 0, h = 0;
    std::vector<uint8_t> px;  // greyscale, 128 where draw_qr drew nothing
    bool whole_pixels = true;
    int rects = 0;
    bool image = false;  // the semantics tree has Role::Image "QR"
    float image_w = 0, image_h = 0;
};

// One frame with draw_qr(m, side) at (x, y) in a 400×800 window; its draw-list rects are
// painted into a 400×800 picture.
Painted frame_with_qr(const qr::Matrix& m, float side, float x, float y) {
    ImGuiContext* ctx = ImGui::CreateContext();
    ui::Context* ui = ui::create_context();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(400, 800);
    io.Fonts->AddFontDefault();
    unsigned char* tex;
    int tw, th;
    io.Fonts->GetTexDataAsRGBA32(&tex, &tw, &th);
    io.Fonts->SetTexID((ImTextureID)(intptr_t)1);
    io.DeltaTime = 1 / 60.f;
    ImGui::NewFrame();
    sem::begin_frame();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImVec2(400, 800));
    ImGui::Begin("screen", nullptr, ImGuiWindowFlags_NoDecoration);
    ImGui::SetCursorScreenPos(ImVec2(x, y));
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const int v0 = dl->VtxBuffer.Size;
    ui::draw_qr(m, side);
    const int v1 = dl->VtxBuffer.Size;
    Painted p;
    p.w = 400;
    p.h = 800;
    p.px.assign(size_t(p.w) * p.h, 128);
    REQUIRE((v1 - v0) % 4 == 0);  // unrounded filled rects: 4 vertices each
    for (int i = v0; i < v1; i += 4) {
        const ImVec2 a = dl->VtxBuffer[i].pos, c = dl->VtxBuffer[i + 2].pos;
        for (float f : {a.x, a.y, c.x, c.y})
            if (f != std::floor(f)) p.whole_pixels = false;
        const uint8_t v = (dl->VtxBuffer[i].col & 0xFF) > 128 ? 255 : 0;
        for (int yy = int(a.y); yy < int(c.y); ++yy)
            for (int xx = int(a.x); xx < int(c.x); ++xx)
                if (xx >= 0 && yy >= 0 && xx < p.w && yy < p.h) p.px[size_t(yy) * p.w + xx] = v;
        ++p.rects;
    }
    ImGui::End();
    sem::end_frame();
    ImGui::Render();
    if (const sem::Node* n = sem::find("QR", sem::Role::Image)) {
        p.image = true;
        p.image_w = n->w;
        p.image_h = n->h;
    }
    ui::destroy_context(ui);
    ImGui::DestroyContext(ctx);
    return p;
}

}  // namespace

TEST_CASE("draw_qr paints a code that decodes, on whole pixels, with a white quiet zone", "[ui][qr]") {
    const auto m = qr::encode("zygc:checkin:7:482913");  // 25 modules + 8 of quiet zone = 33
    const Painted p = frame_with_qr(m, 300.5f, 20.25f, 40.75f);
    CHECK(p.whole_pixels);
    CHECK(p.rects > 1);
    CHECK(scan::decode_gray(p.px.data(), p.w, p.h) == "zygc:checkin:7:482913");
    // Module = floor(300.5 / 33) = 9 px: the code is 297 px, centred in the 300.5 px box.
    const int x0 = int(std::floor(20.25f + (300.5f - 297) / 2)), y0 = int(std::floor(40.75f + (300.5f - 297) / 2));
    auto at = [&](int x, int y) { return p.px[size_t(y) * p.w + x]; };
    CHECK(at(x0, y0) == 255);                  // quiet zone corner
    CHECK(at(x0 + 35, y0 + 35) == 255);        // still quiet zone (4 × 9 = 36 px)
    CHECK(at(x0 + 36, y0 + 36) == 0);          // first module of the top-left finder
    CHECK(at(x0 + 296, y0 + 296) == 255);      // far corner, quiet zone
    CHECK(at(x0 + 297, y0 + 297) == 128);      // outside: nothing drawn

    CHECK(p.image);
    CHECK(p.image_w == Approx(300.5f));
    CHECK(p.image_h == Approx(300.5f));
}

TEST_CASE("draw_qr of an empty matrix keeps its place and draws nothing", "[ui][qr]") {
    const Painted p = frame_with_qr(qr::Matrix{}, 120, 10, 10);
    CHECK(p.rects == 0);
    CHECK(p.image);
}
