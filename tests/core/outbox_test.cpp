// The check-in outbox (core/outbox.h): order, backoff with jitter, which answers drop an
// event and which retry it, the check-out that waits for its check-in, restore from JSON.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "core/outbox.h"

using namespace zygc;

namespace {

OutboxEvent check_in(const std::string& key, Id shift = 7) {
    OutboxEvent e;
    e.key = key;
    e.kind = "check_in";
    e.shift_id = shift;
    e.method = "code";
    e.code = "482913";
    e.client_time = "2026-12-05T09:00:00+08:00";
    return e;
}

OutboxEvent check_out(const std::string& key, Id attendance_id, const std::string& after = "") {
    OutboxEvent e;
    e.key = key;
    e.kind = "check_out";
    e.attendance_id = attendance_id;
    e.after = after;
    e.client_time = "2026-12-05T11:00:00+08:00";
    return e;
}

std::string header(const HttpRequest& r, const std::string& name) {
    for (const auto& [k, v] : r.headers)
        if (k == name) return v;
    return "";
}

}  // namespace

TEST_CASE("outbox: events go out one at a time, in the order they were made") {
    Outbox box;
    outbox::add(box, check_in("k1", 7));
    outbox::add(box, check_in("k2", 8));
    const OutboxEvent* e = outbox::due(box, 0);
    REQUIRE(e);
    CHECK(e->key == "k1");
    CHECK(e->seq == 1);
    box.in_flight = 42;
    CHECK(outbox::due(box, 0) == nullptr);  // the head is on its way: nothing else goes
    auto a = outbox::answer(box, 201, "", 12, 0);
    CHECK(a.verdict == outbox::Verdict::Done);
    CHECK(a.event.key == "k1");
    CHECK(box.in_flight == 0);
    REQUIRE(outbox::due(box, 0));
    CHECK(outbox::due(box, 0)->key == "k2");
}

TEST_CASE("outbox: the request carries the event's key, the CSRF header and the body") {
    OutboxEvent in = check_in("key-in");
    in.method = "gps";
    in.code.clear();
    in.lat = 39.9;
    in.lng = 119.6;
    HttpRequest r = outbox::request(in);
    CHECK(r.method == "POST");
    CHECK(r.path == "/attendance/check-in");
    CHECK(header(r, "Idempotency-Key") == "key-in");
    CHECK(header(r, "X-Requested-With") == "zygc");
    auto body = nlohmann::json::parse(r.body);
    CHECK(body["shift_id"] == 7);
    CHECK(body["method"] == "gps");
    CHECK(body["lat"] == 39.9);
    CHECK(!body.contains("code"));
    CHECK(body["client_time"] == "2026-12-05T09:00:00+08:00");

    HttpRequest out = outbox::request(check_out("key-out", 12));
    CHECK(out.path == "/attendance/check-out");
    CHECK(nlohmann::json::parse(out.body)["attendance_id"] == 12);
    CHECK(header(out, "Idempotency-Key") == "key-out");
}

TEST_CASE("outbox: network errors, 5xx and a 409 still running are retried with growing backoff") {
    Outbox box;
    box.rng = 99;
    outbox::add(box, check_in("k1"));
    int64_t now = 1000;
    int64_t prev_max = 0;
    const int statuses[] = {0, 503, 500, 409, 0, 0, 0, 0, 0, 0};
    for (int i = 0; i < 10; ++i) {
        box.in_flight = 1;
        auto a = outbox::answer(box, statuses[i], statuses[i] == 409 ? "idempotency_in_progress" : "", 0, now);
        REQUIRE(a.verdict == outbox::Verdict::Retry);
        REQUIRE(box.events.size() == 1);
        const OutboxEvent& head = box.events.front();
        CHECK(head.attempts == i + 1);
        // Jitter keeps it within [½, 1] of 1 s × 2^(attempt−1), capped at 60 s.
        int64_t full = kOutboxBaseMs << i;
        if (full > kOutboxCapMs) full = kOutboxCapMs;
        CHECK(a.delay_ms >= full / 2);
        CHECK(a.delay_ms <= full);
        CHECK(full >= prev_max);
        prev_max = full;
        CHECK(head.next_at_ms == now + a.delay_ms);
        CHECK(outbox::due(box, now + a.delay_ms - 1) == nullptr);  // not before its time
        CHECK(outbox::due(box, now + a.delay_ms) != nullptr);
        now += a.delay_ms;
    }
    CHECK(prev_max == kOutboxCapMs);
}

TEST_CASE("outbox: the jitter comes from the seed: same seed, same delays; another seed, others") {
    auto delays = [](uint64_t seed) {
        Outbox box;
        box.rng = seed;
        std::vector<int64_t> out;
        for (int i = 1; i <= 8; ++i) out.push_back(outbox::backoff_ms(box, i));
        return out;
    };
    CHECK(delays(1) == delays(1));
    CHECK(delays(1) != delays(2));
}

TEST_CASE("outbox: a final 4xx drops the event with its problem; retried ones stay") {
    using V = outbox::Verdict;
    CHECK(outbox::classify(201, "") == V::Done);
    CHECK(outbox::classify(200, "") == V::Done);
    CHECK(outbox::classify(422, "code_wrong") == V::Dropped);
    CHECK(outbox::classify(422, "window_not_open") == V::Dropped);
    CHECK(outbox::classify(422, "idempotency_key_reused") == V::Dropped);
    CHECK(outbox::classify(409, "already_checked_in") == V::Dropped);
    CHECK(outbox::classify(409, "not_checked_in") == V::Dropped);
    CHECK(outbox::classify(403, "not_signed_up") == V::Dropped);
    CHECK(outbox::classify(400, "idempotency_key_required") == V::Dropped);
    CHECK(outbox::classify(409, "idempotency_in_progress") == V::Retry);
    CHECK(outbox::classify(0, "") == V::Retry);
    CHECK(outbox::classify(502, "") == V::Retry);
    CHECK(outbox::classify(503, "overloaded") == V::Retry);
    CHECK(outbox::classify(401, "not_logged_in") == V::Retry);
    CHECK(outbox::classify(429, "rate_limited") == V::Retry);

    Outbox box;
    outbox::add(box, check_in("k1"));
    outbox::add(box, check_in("k2", 9));
    box.in_flight = 3;
    auto a = outbox::answer(box, 422, "code_wrong", 0, 0);
    CHECK(a.verdict == V::Dropped);
    CHECK(a.event.key == "k1");
    REQUIRE(box.events.size() == 1);
    CHECK(box.events.front().key == "k2");
}

TEST_CASE("outbox: a check-out queued behind its unsent check-in gets the check-in's attendance id") {
    Outbox box;
    outbox::add(box, check_in("in"));
    outbox::add(box, check_out("out", 0, "in"));
    box.in_flight = 1;
    auto a = outbox::answer(box, 201, "", 77, 0);
    CHECK(a.verdict == outbox::Verdict::Done);
    REQUIRE(box.events.size() == 1);
    const OutboxEvent* next = outbox::due(box, 0);
    REQUIRE(next);
    CHECK(next->key == "out");
    CHECK(next->attendance_id == 77);
    CHECK(next->after.empty());
    CHECK(nlohmann::json::parse(outbox::request(*next).body)["attendance_id"] == 77);
}

TEST_CASE("outbox: a check-out whose check-in was refused is dropped with it") {
    Outbox box;
    outbox::add(box, check_in("in"));
    outbox::add(box, check_out("out", 0, "in"));
    outbox::add(box, check_in("other", 9));
    box.in_flight = 1;
    auto a = outbox::answer(box, 422, "window_closed", 0, 0);
    CHECK(a.verdict == outbox::Verdict::Dropped);
    REQUIRE(a.also_dropped.size() == 1);
    CHECK(a.also_dropped[0].key == "out");
    REQUIRE(box.events.size() == 1);
    CHECK(box.events[0].key == "other");
}

TEST_CASE("outbox: restored from its JSON, every event keeps its key and goes out at once") {
    Outbox box;
    box.rng = 12345678901234567890ull;
    OutboxEvent in = check_in("in");
    in.lat = 39.93;
    in.lng = 119.6;
    in.project_title = "净滩行动";
    outbox::add(box, in);
    outbox::add(box, check_out("out", 0, "in"));
    box.events[0].attempts = 3;
    box.events[0].next_at_ms = 5000;
    box.in_flight = 9;

    auto back = outbox::from_json(outbox::to_json(box));
    REQUIRE(back);
    CHECK(back->in_flight == 0);  // whatever was on its way goes again, same key
    CHECK(back->next_seq == box.next_seq);
    CHECK(back->rng == box.rng);
    REQUIRE(back->events.size() == 2);
    CHECK(back->events[0].key == "in");
    CHECK(back->events[0].lat == 39.93);
    CHECK(back->events[0].project_title == "净滩行动");
    CHECK(back->events[0].attempts == 3);
    CHECK(back->events[1].after == "in");
    CHECK(outbox::due(*back, 0) != nullptr);

    CHECK(!outbox::from_json(""));
    CHECK(!outbox::from_json("not json"));
    CHECK(!outbox::from_json(R"({"next_seq":1,"rng":0,"events":[{"key":"x"}]})"));
    CHECK(!outbox::from_json("[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]"));
    auto empty = outbox::from_json(R"({"v":1,"next_seq":4,"rng":1,"events":[]})");
    REQUIRE(empty);
    CHECK(empty->events.empty());
    CHECK(empty->next_seq == 4);
}
