// The UI context's lifetime and the current pointer (context.h).
#include "ui/context_internal.h"

namespace zygc::ui {
namespace {
// The one thing left at file scope: which context the views read and write (ImGui's GImGui).
Context* g_current = nullptr;
}  // namespace

Context* create_context() {
    Context* ctx = new Context();
    if (!g_current) g_current = ctx;
    return ctx;
}

void destroy_context(Context* ctx) {
    if (g_current == ctx) g_current = nullptr;
    delete ctx;
}

void set_current_context(Context* ctx) { g_current = ctx; }
Context* current_context() { return g_current; }

Context& context() {
    IM_ASSERT(g_current && "no current ui::Context: the platform creates one with ui::create_context()");
    return *g_current;
}

}  // namespace zygc::ui
