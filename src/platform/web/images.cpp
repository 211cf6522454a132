#include "platform/web/images.h"

#include <emscripten/emscripten.h>

#include <map>
#include <string>

#include "platform/web/wake.h"

// The browser decodes (off the main thread where it can); the bitmap goes straight into a
// texture, registered in Emscripten's GL name table so ImGui's renderer binds it by name.
// Mipmaps: a cover is drawn at up to half its width on a phone (DPR counted up to 2).
EM_JS(void, zygc_js_load_image, (int handle, const char* url_p), {
    var url = UTF8ToString(url_p);
    var fail = function(code) { _zygc_on_image_failed(handle, code); };
    if (!window.fetch || !window.createImageBitmap) return fail(-3);
    fetch(url, {credentials: "same-origin"})
        .then(function(r) {
            if (!r.ok) { fail(r.status); return null; }
            return r.blob().then(function(b) { return createImageBitmap(b, {premultiplyAlpha: "none"}); });
        })
        .then(function(bmp) {
            if (!bmp) return;
            var gl = GL.currentContext && GL.currentContext.GLctx;
            if (!gl) { if (bmp.close) bmp.close(); return fail(-2); }
            var t = gl.createTexture();
            var prev = gl.getParameter(gl.TEXTURE_BINDING_2D);
            gl.bindTexture(gl.TEXTURE_2D, t);
            gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MIN_FILTER, gl.LINEAR_MIPMAP_LINEAR);
            gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MAG_FILTER, gl.LINEAR);
            gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_S, gl.CLAMP_TO_EDGE);
            gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_T, gl.CLAMP_TO_EDGE);
            gl.texImage2D(gl.TEXTURE_2D, 0, gl.RGBA, gl.RGBA, gl.UNSIGNED_BYTE, bmp);
            gl.generateMipmap(gl.TEXTURE_2D);
            gl.bindTexture(gl.TEXTURE_2D, prev);
            var id = GL.getNewId(GL.textures);
            t.name = id;
            GL.textures[id] = t;
            var w = bmp.width, h = bmp.height;
            if (bmp.close) bmp.close();
            _zygc_on_image_loaded(handle, id, w, h);
        })
        .catch(function() { fail(-1); });
});

EM_JS(void, zygc_js_free_image, (int id), {
    var t = GL.textures[id];
    if (!t) return;
    var gl = GL.currentContext && GL.currentContext.GLctx;
    if (gl) gl.deleteTexture(t);
    GL.textures[id] = null;
});

namespace zygc::web::images {
namespace {
std::map<int, std::string> g_pending;  // handle → URL, while the browser works on it
int g_next = 1;
}  // namespace
std::vector<Action> g_answers;  // answers since the last frame

bool handle(const Effect& e) {
    if (auto* load = std::get_if<LoadImage>(&e)) {
        const int h = g_next++;
        g_pending[h] = load->url;
        zygc_js_load_image(h, load->url.c_str());
        return true;
    }
    if (auto* fr = std::get_if<FreeImage>(&e)) {
        if (fr->texture) zygc_js_free_image(int(fr->texture));
        return true;
    }
    return false;
}

void drain(std::vector<Action>& out) {
    for (Action& a : g_answers) out.push_back(std::move(a));
    g_answers.clear();
}

std::string take(int handle) {
    auto it = g_pending.find(handle);
    if (it == g_pending.end()) return {};
    std::string url = std::move(it->second);
    g_pending.erase(it);
    return url;
}

}  // namespace zygc::web::images

extern "C" {
EMSCRIPTEN_KEEPALIVE void zygc_on_image_loaded(int handle, int texture, int w, int h) {
    std::string url = zygc::web::images::take(handle);
    if (url.empty()) return;
    zygc::web::images::g_answers.push_back(zygc::ImageLoaded{std::move(url), uint32_t(texture), w, h});
    zygc_wake();
}
// code: the HTTP status, or -1 network/decoding, -2 no GL context, -3 no createImageBitmap.
EMSCRIPTEN_KEEPALIVE void zygc_on_image_failed(int handle, int code) {
    std::string url = zygc::web::images::take(handle);
    if (url.empty()) return;
    const std::string reason = code > 0 ? "http_" + std::to_string(code) : code == -1 ? "network" : "unsupported";
    zygc::web::images::g_answers.push_back(zygc::ImageFailed{std::move(url), reason});
    zygc_wake();
}
}
