// No heap allocation per frame in steady state (issue 11, the frame): once the project list has
// been drawn and scrolled, a further idle frame or scrolling frame allocates nothing, whether
// the list holds 200 projects or 5,000. Counted here: every operator new in this test binary
// and every allocation Dear ImGui makes through its allocator.
#include <catch2/catch.hpp>

#include <atomic>
#include <cstdlib>
#include <new>

#include "fixtures.h"
#include "imgui.h"
#include "platform/native/harness.h"

namespace {
std::atomic<long> g_news{0};
std::atomic<long> g_imgui_allocs{0};
}  // namespace

// The whole test binary's operator new counts (a counter beside malloc; nothing else changes).
void* operator new(std::size_t size) {
    ++g_news;
    if (void* p = std::malloc(size ? size : 1)) return p;
    throw std::bad_alloc();
}
void* operator new[](std::size_t size) {
    ++g_news;
    if (void* p = std::malloc(size ? size : 1)) return p;
    throw std::bad_alloc();
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }

using namespace zygc;

namespace {

void* counted_alloc(size_t size, void*) {
    ++g_imgui_allocs;
    return std::malloc(size);
}
void counted_free(void* p, void*) { std::free(p); }

// Allocations (operator new + ImGui's) while it lives.
struct Count {
    ImGuiMemAllocFunc old_alloc;
    ImGuiMemFreeFunc old_free;
    void* old_user;
    long news = g_news, imgui = g_imgui_allocs;
    Count() {
        ImGui::GetAllocatorFunctions(&old_alloc, &old_free, &old_user);
        ImGui::SetAllocatorFunctions(counted_alloc, counted_free);
    }
    ~Count() { ImGui::SetAllocatorFunctions(old_alloc, old_free, old_user); }
    long allocations() const { return (g_news - news) + (g_imgui_allocs - imgui); }
};

State list_of(int n) {
    State s = fixtures::projects_screen();
    std::vector<Project> items;
    for (int i = 0; i < n; ++i) {
        std::string title = "项目" + std::to_string(i);
        if (i % 7 == 3) title += " 社区老年人助餐与陪伴服务长期招募志愿者（周末上午，需要耐心细致）";
        items.push_back(fixtures::project(1000 + i, title));
    }
    s.projects = fixtures::loaded(fixtures::page(items, 58000, "next"));
    return s;
}

struct Figures {
    long idle = 0;       // allocations in 30 idle frames
    long scrolling = 0;  // allocations in 30 frames scrolling through the list
};

Figures measure(int projects) {
    native::Harness h;
    h.state = list_of(projects);
    h.frame(3);
    // Warm-up: down through part of the list and back, so every buffer has seen its size.
    for (int i = 0; i < 60; ++i) h.scroll(2);
    for (int i = 0; i < 60; ++i) h.scroll(-2);
    h.frame(3);
    Figures f;
    {
        Count c;
        h.frame(30);
        f.idle = c.allocations();
    }
    {
        Count c;
        for (int i = 0; i < 30; ++i) h.scroll(2);  // one frame each, over cards seen in the warm-up
        f.scrolling = c.allocations();
    }
    return f;
}

}  // namespace

TEST_CASE("idle and scrolling list frames allocate nothing once warm, however long the list", "[ui][frame][alloc]") {
    for (int projects : {200, 5000}) {
        INFO(projects << " projects");
        const Figures f = measure(projects);
        CHECK(f.idle == 0);
        CHECK(f.scrolling == 0);
    }
}

TEST_CASE("the allocation counter counts", "[ui][frame][alloc]") {
    // The counter itself: a frame that builds a new screen (the first) allocates.
    native::Harness h;
    h.state = list_of(20);
    Count c;
    h.frame(1);
    CHECK(c.allocations() > 0);
}
