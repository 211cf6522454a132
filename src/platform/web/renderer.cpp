#include "platform/web/renderer.h"

#include <GLES3/gl3.h>

#include <cstddef>

#include "imgui.h"

namespace zygc::web::renderer {
namespace {

GLuint g_program = 0, g_vao = 0, g_vbo = 0, g_ebo = 0;
GLint g_proj = -1, g_tex = -1;
GLsizeiptr g_vbo_size = 0, g_ebo_size = 0;  // bytes the buffers hold

constexpr const char* kVertex = R"(#version 300 es
precision highp float;
layout (location = 0) in vec2 position;
layout (location = 1) in vec2 uv;
layout (location = 2) in vec4 color;
uniform mat4 projection;
out vec2 frag_uv;
out vec4 frag_color;
void main() {
    frag_uv = uv;
    frag_color = color;
    gl_Position = projection * vec4(position, 0.0, 1.0);
}
)";

constexpr const char* kFragment = R"(#version 300 es
precision mediump float;
uniform sampler2D tex;
in vec2 frag_uv;
in vec4 frag_color;
layout (location = 0) out vec4 out_color;
void main() {
    out_color = frag_color * texture(tex, frag_uv);
}
)";

GLuint compile(GLenum type, const char* source) {
    GLuint s = glCreateShader(type);
    glShaderSource(s, 1, &source, nullptr);
    glCompileShader(s);
    GLint ok = 0;
    glGetShaderiv(s, GL_COMPILE_STATUS, &ok);
    if (!ok) {
        glDeleteShader(s);
        return 0;
    }
    return s;
}

}  // namespace

bool init() {
    GLuint vs = compile(GL_VERTEX_SHADER, kVertex), fs = compile(GL_FRAGMENT_SHADER, kFragment);
    if (!vs || !fs) return false;
    g_program = glCreateProgram();
    glAttachShader(g_program, vs);
    glAttachShader(g_program, fs);
    glLinkProgram(g_program);
    glDeleteShader(vs);
    glDeleteShader(fs);
    GLint ok = 0;
    glGetProgramiv(g_program, GL_LINK_STATUS, &ok);
    if (!ok) return false;
    g_proj = glGetUniformLocation(g_program, "projection");
    g_tex = glGetUniformLocation(g_program, "tex");

    // The vertex array keeps the attribute layout and the index buffer binding.
    glGenVertexArrays(1, &g_vao);
    glGenBuffers(1, &g_vbo);
    glGenBuffers(1, &g_ebo);
    glBindVertexArray(g_vao);
    glBindBuffer(GL_ARRAY_BUFFER, g_vbo);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, g_ebo);
    glEnableVertexAttribArray(0);
    glEnableVertexAttribArray(1);
    glEnableVertexAttribArray(2);
    const GLsizei stride = sizeof(ImDrawVert);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, stride, (const void*)offsetof(ImDrawVert, pos));
    glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, stride, (const void*)offsetof(ImDrawVert, uv));
    glVertexAttribPointer(2, 4, GL_UNSIGNED_BYTE, GL_TRUE, stride, (const void*)offsetof(ImDrawVert, col));
    glBindVertexArray(0);
    ImGui::GetIO().BackendRendererName = "zygc-webgl2";
    return true;
}

void render(const ImDrawData* dd, int fb_w, int fb_h) {
    if (!dd || !g_program || fb_w <= 0 || fb_h <= 0) return;
    glEnable(GL_BLEND);
    glBlendEquation(GL_FUNC_ADD);
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    glDisable(GL_CULL_FACE);
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_STENCIL_TEST);
    glEnable(GL_SCISSOR_TEST);
    glViewport(0, 0, fb_w, fb_h);

    // Pixels (DisplayPos at the top left) to clip space.
    const float L = dd->DisplayPos.x, R = L + dd->DisplaySize.x;
    const float T = dd->DisplayPos.y, B = T + dd->DisplaySize.y;
    const float projection[16] = {
        2 / (R - L), 0, 0, 0,
        0, 2 / (T - B), 0, 0,
        0, 0, -1, 0,
        (R + L) / (L - R), (T + B) / (B - T), 0, 1,
    };
    glUseProgram(g_program);
    glUniform1i(g_tex, 0);
    glUniformMatrix4fv(g_proj, 1, GL_FALSE, projection);
    glActiveTexture(GL_TEXTURE0);
    glBindVertexArray(g_vao);
    glBindBuffer(GL_ARRAY_BUFFER, g_vbo);

    const ImVec2 off = dd->DisplayPos;
    const GLenum index_type = sizeof(ImDrawIdx) == 2 ? GL_UNSIGNED_SHORT : GL_UNSIGNED_INT;
    for (int n = 0; n < dd->CmdListsCount; ++n) {
        const ImDrawList* list = dd->CmdLists[n];
        const GLsizeiptr vtx = (GLsizeiptr)list->VtxBuffer.Size * (GLsizeiptr)sizeof(ImDrawVert);
        const GLsizeiptr idx = (GLsizeiptr)list->IdxBuffer.Size * (GLsizeiptr)sizeof(ImDrawIdx);
        if (g_vbo_size < vtx) glBufferData(GL_ARRAY_BUFFER, g_vbo_size = vtx, nullptr, GL_STREAM_DRAW);
        if (g_ebo_size < idx) glBufferData(GL_ELEMENT_ARRAY_BUFFER, g_ebo_size = idx, nullptr, GL_STREAM_DRAW);
        glBufferSubData(GL_ARRAY_BUFFER, 0, vtx, list->VtxBuffer.Data);
        glBufferSubData(GL_ELEMENT_ARRAY_BUFFER, 0, idx, list->IdxBuffer.Data);
        for (const ImDrawCmd& cmd : list->CmdBuffer) {
            if (cmd.UserCallback) continue;  // the app adds none
            const float x0 = cmd.ClipRect.x - off.x, y0 = cmd.ClipRect.y - off.y;
            const float x1 = cmd.ClipRect.z - off.x, y1 = cmd.ClipRect.w - off.y;
            if (x1 <= x0 || y1 <= y0) continue;
            glScissor((int)x0, (int)(fb_h - y1), (int)(x1 - x0), (int)(y1 - y0));  // GL's y goes up
            glBindTexture(GL_TEXTURE_2D, (GLuint)(intptr_t)cmd.GetTexID());
            glDrawElements(GL_TRIANGLES, (GLsizei)cmd.ElemCount, index_type,
                           (const void*)(intptr_t)(cmd.IdxOffset * sizeof(ImDrawIdx)));
        }
    }
    glBindVertexArray(0);
    glDisable(GL_SCISSOR_TEST);  // the next frame's glClear covers the whole canvas
}

}  // namespace zygc::web::renderer
