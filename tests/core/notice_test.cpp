// look (issue 10): a toast (State::notice) leaves by itself after ~3 s (~5 s in 关怀版),
// timed by the platform's Ticks it asks for only while one shows, and stays on its screen.
#include <catch2/catch.hpp>

#include "core/store.h"

using namespace zygc;

namespace {
// The last WantTicks for the notice among `effects`, or -1 when there is none.
int notice_ticks(const std::vector<Effect>& effects) {
    int every = -1;
    for (const Effect& e : effects)
        if (const auto* w = std::get_if<WantTicks>(&e); w && w->owner == "notice") every = w->every_ms;
    return every;
}

// A notice as a feature's update leaves it: written into the state during an action (Refresh
// stands in for that action here), then the store's clock looks at it.
std::vector<Effect> show(State& s, Message m) {
    s.notice = std::move(m);
    return update(s, Refresh{});  // any action: the clock looks at the notice after each one
}
}  // namespace

TEST_CASE("a notice asks for ticks and is gone 3 s after it was first seen", "[notice]") {
    State s;
    CHECK(notice_ticks(update(s, Refresh{})) == -1);  // no notice: no ticks asked for
    CHECK(notice_ticks(show(s, Message{"signed_up"})) == kNoticeTickMs);
    update(s, Tick{1'000'000});  // first seen
    CHECK(s.notice == Message{"signed_up"});
    update(s, Tick{1'000'000 + kNoticeMs - 250});
    CHECK(s.notice == Message{"signed_up"});
    const auto effects = update(s, Tick{1'000'000 + kNoticeMs});
    CHECK(s.notice.empty());
    CHECK(notice_ticks(effects) == 0);  // the clock rests again
}

TEST_CASE("in 关怀版 a notice stays ~5 s", "[notice]") {
    State s;
    s.settings.care_mode = true;
    show(s, Message{"signed_up"});
    update(s, Tick{10'000});
    update(s, Tick{10'000 + kNoticeMs});
    CHECK_FALSE(s.notice.empty());
    update(s, Tick{10'000 + kNoticeCareMs});
    CHECK(s.notice.empty());
}

TEST_CASE("a new notice starts its own clock", "[notice]") {
    State s;
    show(s, Message{"signed_up"});
    update(s, Tick{1000});
    update(s, Tick{3500});
    show(s, Message{"cancelled"});  // arrives 2.5 s into the first
    update(s, Tick{3600});
    update(s, Tick{3600 + kNoticeMs - 100});
    CHECK(s.notice == Message{"cancelled"});
    update(s, Tick{3600 + kNoticeMs});
    CHECK(s.notice.empty());
}

TEST_CASE("navigating away drops the notice; a dismissed one stops the ticks", "[notice]") {
    State s;
    show(s, Message{"signed_up"});
    update(s, Navigate{Route{Route::Projects, 0, {}}});
    CHECK(s.notice.empty());

    show(s, Message{"cancelled"});
    const auto effects = update(s, DismissNotice{});
    CHECK(s.notice.empty());
    CHECK(notice_ticks(effects) == 0);
}
